// Builds DOM nodes from data without ever parsing data as HTML: text goes in as text nodes.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** A table with its header row, or the {@code empty} sentence in its place when there are no rows. */
export function table(id, headers, rows, empty) {
  if (rows.length === 0) return h('p', { class: 'muted', id }, empty);
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', {}, t)))),
    h('tbody', {}, rows)));
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/**
 * A time as the estate reads it, 2026-11-27 10:05:03: the API writes the estate's local time with its
 * offset, so the wall-clock part is shown as written, whatever zone the browser is in.
 */
export function formatTime(iso) {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2})?)/.exec(iso);
  return match ? `${match[1]} ${match[3] ? match[2] : `${match[2]}:00`}` : iso;
}

/** A time to the minute, 2026-11-30 17:05, as the desk reads a promised time out on the phone. */
export function formatMinute(iso) {
  return formatTime(iso).slice(0, 16);
}

/** yyyy-mm-dd of a local date. */
export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day after a yyyy-mm-dd: the view's end dates are inclusive, the API's exclusive. */
export function nextDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d + 1));
}

export function previousDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d - 1));
}

export function percent(rate) {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
