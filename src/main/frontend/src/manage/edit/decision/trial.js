import { h } from '../../../dom.js';

// The try-it box (试算) under the decision table: one field per input of the table as it is being edited, the edited
// table evaluated by the server (deployment guard first, then the engine's DMN engine; nothing deployed), the matched
// row highlighted in the table and the outputs shown.

/** Which decision's categories a category input offers: each case type names its own. */
const CATEGORY_TYPES = { 'repair-triage': 'repair', 'complaint-tier': 'complaint', 'inquiry-triage': 'inquiry' };

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The codes PropDesk knows for an input reading this variable, with their Chinese names; null when none. */
function knownCodes(labels, name, decisionKey) {
  if (!labels) return null;
  if (name === 'caseType') return labels.types;
  if (name === 'sla') return labels.slas;
  if (name === 'priority') return labels.priorities;
  if (name === 'category') {
    const type = CATEGORY_TYPES[decisionKey];
    return type && labels.categories[type]
      ? labels.categories[type]
      : Object.assign({}, ...Object.values(labels.categories));
  }
  return null;
}

/** The quoted texts of a FEEL list of literals ("a","b"), as predefined values and simple cells are written. */
function literals(text) {
  return [...String(text || '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
}

/** The table's inputs a person can fill in: each variable once, with its column's label, type and known values. */
export function trialInputs(table, decisionKey, labels) {
  const inputs = [];
  (table.input || []).forEach((input, column) => {
    const name = ((input.inputExpression && input.inputExpression.text) || '').trim();
    if (!VARIABLE.test(name)) return;
    const same = inputs.find((i) => i.name === name);
    if (same) {
      // two columns reading one variable (inquiry-triage reads the owner's words twice): one field, both names
      if (input.label && !same.label.split(' / ').includes(input.label)) same.label = `${same.label} / ${input.label}`;
      return;
    }
    const type = (input.inputExpression && input.inputExpression.typeRef) || 'string';
    const predefined = input.inputValues ? literals(input.inputValues.text) : [];
    const codes = knownCodes(labels, name, decisionKey) || {};
    const options = new Map();
    predefined.forEach((v) => options.set(v, codes[v] ? `${v} ${codes[v]}` : v));
    if (!predefined.length) {
      Object.entries(codes).forEach(([code, label]) => options.set(code, `${code} ${label}`));
      // a code a cell compares with exactly ("P1") is offered even where PropDesk names none
      (table.rule || []).forEach((rule) => {
        const cell = rule.inputEntry && rule.inputEntry[column];
        const text = cell ? (cell.text || '').trim() : '';
        if (/^"[^"]*"$/.test(text) && !options.has(text.slice(1, -1))) options.set(text.slice(1, -1), text.slice(1, -1));
      });
    }
    inputs.push({ name, label: input.label || name, type, options: options.size && type === 'string' ? options : null });
  });
  return inputs;
}

function field(input, value) {
  const id = `trial-input-${input.name}`;
  let control;
  if (input.type === 'boolean') {
    control = h('select', { id, name: input.name, 'data-type': 'boolean' },
      h('option', { value: '' }, '（空）'), h('option', { value: 'true' }, '是（true）'), h('option', { value: 'false' }, '否（false）'));
  } else if (input.options) {
    control = h('select', { id, name: input.name },
      h('option', { value: '' }, '（空）'), [...input.options].map(([code, label]) => h('option', { value: code }, label)));
  } else {
    control = h('input', { id, name: input.name, type: 'text', 'data-type': input.type, autocomplete: 'off' });
  }
  if (value !== undefined) control.value = value;
  return h('div', { class: 'field', 'data-input': input.name },
    h('label', { for: id }, input.label, h('span', { class: 'muted' }, `（${input.name}）`)), control);
}

function typed(control) {
  const text = control.value;
  if (text === '') return null;
  if (control.dataset.type === 'boolean') return text === 'true';
  if (['integer', 'long', 'double', 'number'].includes(control.dataset.type) && text.trim() !== '' && !Number.isNaN(Number(text))) {
    return Number(text);
  }
  return text;
}

function outputsList(outputs, table) {
  return h('dl', { class: 'trial-outputs', id: 'trial-outputs' }, Object.entries(outputs || {}).flatMap(([name, value]) => {
    const output = (table.output || []).find((o) => o.name === name);
    return [h('dt', {}, output && output.label ? `${output.label}（${name}）` : name),
      h('dd', { 'data-output': name }, value === null ? '（空）' : String(value))];
  }));
}

/**
 * Fills {@code box} with the try-it form. {@code current()} answers the table's model (dmn-moddle) as now edited;
 * {@code content()} the file's XML; {@code highlight(ruleIds)} marks matched rows in the table.
 * @return {refresh} to call when the table changed (its inputs may have)
 */
export function tryItBox(box, { api, decisionKey, current, content, highlight }) {
  const { getJson, sendJson } = api;
  let labels = null;
  const fields = h('div', { class: 'trial-fields', id: 'trial-fields' });
  const result = h('div', { class: 'trial-result', id: 'trial-result', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'trial-submit' }, '试算');
  const form = h('form', { class: 'trial-form', id: 'trial-form' }, fields, h('div', { class: 'actions' }, submit));
  box.replaceChildren(h('h2', {}, '试算'),
    h('p', { class: 'muted' }, '用样例输入计算编辑中的表（尚未部署的内容），看命中哪条规则和输出。不部署、不保存。'), form, result);

  // the fields are built again only when the table's inputs changed, keeping what was entered
  let shown = null;
  const refresh = () => {
    const table = current();
    const inputs = table ? trialInputs(table, decisionKey, labels) : [];
    const signature = JSON.stringify(inputs.map((i) => [i.name, i.label, i.type, i.options && [...i.options]]));
    if (signature === shown) return;
    shown = signature;
    const values = {};
    fields.querySelectorAll('[name]').forEach((c) => { values[c.name] = c.value; });
    fields.replaceChildren(...inputs.map((i) => field(i, values[i.name])));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const inputs = {};
    fields.querySelectorAll('[name]').forEach((c) => { inputs[c.name] = typed(c); });
    submit.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, '正在试算……'));
    highlight([]);
    try {
      const answer = await sendJson('POST', '/api/manage/decisions/trial', { content: await content(), decisionKey, inputs });
      const matched = answer.matched || [];
      result.dataset.matched = matched.map((m) => m.ruleId).join(' ');
      if (!matched.length) {
        result.replaceChildren(h('p', { class: 'notice error', id: 'trial-no-match' },
          '没有规则命中：这组输入在表中找不到对应的行。PropDesk 的表应以兜底行结尾，否则事项受理时会失败。'));
        return;
      }
      highlight(matched.map((m) => m.ruleId));
      const rows = matched.map((m) => `第 ${m.row} 行（${m.ruleId}）${m.annotation ? `：${m.annotation}` : ''}`).join('；');
      result.replaceChildren(h('p', { class: 'notice', id: 'trial-match' }, `命中${rows}`), outputsList(answer.outputs, current()));
    } catch (error) {
      result.dataset.matched = '';
      const reasons = error.fields && error.fields.length ? error.fields.map((f) => f.message) : [error.message];
      result.replaceChildren(h('div', { class: 'notice error', id: 'trial-error', role: 'alert' },
        h('p', {}, error.status === 400 ? '无法试算：' : '试算失败：'), h('ul', {}, reasons.map((r) => h('li', {}, r)))));
    } finally {
      submit.disabled = false;
    }
  });

  refresh();
  getJson('/api/labels')
    .then((served) => { labels = served; refresh(); })
    .catch(() => { /* the codes stay unnamed */ })
    .finally(() => { box.dataset.labels = 'loaded'; });
  return { refresh };
}
