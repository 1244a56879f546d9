// Calls PropDesk's API as the logged-in staff member. The credentials stay in this tab's sessionStorage
// (gone when the tab closes), under the page's own key, and travel only in the Authorization header of
// same-origin calls; credentials: 'omit' keeps the browser's own login dialog from popping up on a 401.
let key = null;

/** Names the sessionStorage entry this page keeps its login under; each page calls it once, first. */
export function keepLoginAs(name) {
  key = name;
}

/** A refused call: its status, its message in Chinese, and for a 400 each bad field with its message. */
export class ApiError extends Error {
  constructor(status, detail, fields = []) {
    super(detail);
    this.status = status;
    this.fields = fields;
  }
}

export function loggedIn() {
  return sessionStorage.getItem(key) !== null;
}

export function logIn(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  sessionStorage.setItem(key, btoa(binary));
}

export function logOut() {
  sessionStorage.removeItem(key);
}

async function call(path, accept, method = 'GET', body = undefined) {
  const headers = { Authorization: `Basic ${sessionStorage.getItem(key) || ''}`, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    let detail = `请求失败（${response.status}）`;
    let fields = [];
    try {
      const problem = await response.json();
      fields = problem.errors || [];
      detail = problem.errors
        ? problem.errors.map((e) => `${e.field}：${e.message}`).join('；')
        : problem.detail || problem.title || detail;
    } catch (ignored) {
      // not a problem+json answer: the status says enough
    }
    throw new ApiError(response.status, detail, fields);
  }
  return response;
}

export async function getJson(path) {
  return (await call(path, 'application/json')).json();
}

/** Sends a JSON body (or none) with POST or PUT; answers the JSON the API returns, or null when it returns none. */
export async function sendJson(method, path, body) {
  const response = await call(path, 'application/json', method, body);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Fetches a CSV with the credentials and hands it to the browser as a download. */
export async function download(path, fileName) {
  const blob = await (await call(path, 'text/csv')).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
