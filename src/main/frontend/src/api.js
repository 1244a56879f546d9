// Calls PropDesk's API as the logged-in staff member. The credentials stay in this tab's sessionStorage
// (gone when the tab closes), under the page's own key, and travel only in the Authorization header of
// same-origin calls; credentials: 'omit' keeps the browser's own login dialog from popping up on a 401.
let key = null;

/** Names the sessionStorage entry this page keeps its login under; each page calls it once, first. */
export function keepLoginAs(name) {
  key = name;
}

/**
 * The Chinese names of the fields PropDesk's API names in a 400's {@code errors}: a refusal reads as the field staff
 * see on the form, never as its id.
 */
const FIELD_NAMES = {
  q: '搜索内容', page: '页码', caller: '来电人', phone: '电话', summary: '来电内容', name: '姓名', note: '备注',
  type: '类型', channel: '受理渠道', building: '楼栋', unit: '房号', category: '类别', description: '情况描述',
  'reporter.name': '报事人姓名', 'reporter.phone': '报事人电话', score: '评分', comment: '评价内容',
  from: '开始日期', to: '结束日期', groupBy: '统计维度', status: '状态', days: '天数', format: '格式',
  fileName: '文件名', content: '文件内容', files: '文件', processKey: '流程', fromVersion: '原版本', toVersion: '目标版本',
  duty: '工作', location: '位置', doneAt: '完成时间', notes: '情况记录', photos: '照片', file: '照片', purpose: '用途',
  clientId: '记录编号',
};

/** One bad field's message as a person reads it: the field's Chinese name first where known, else the message alone. */
export function fieldMessage({ field, message }) {
  return FIELD_NAMES[field] ? `${FIELD_NAMES[field]}：${message}` : message;
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
  const form = body instanceof FormData;
  // a form's multipart boundary is set by the browser itself
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined || form ? body : JSON.stringify(body),
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
        ? problem.errors.map(fieldMessage).join('；')
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

/** Posts a multipart form (a file upload); answers the JSON the API returns. */
export async function sendForm(path, formData) {
  return (await call(path, 'application/json', 'POST', formData)).json();
}

/** Fetches a file (a CSV unless told otherwise) with the credentials and hands it to the browser as a download. */
export async function download(path, fileName, { method = 'GET', accept = 'text/csv' } = {}) {
  const blob = await (await call(path, accept, method)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
