// Calls PropDesk's API as the logged-in staff member. The credentials stay in this tab's sessionStorage
// (gone when the tab closes) and travel only in the Authorization header of same-origin calls;
// credentials: 'omit' keeps the browser's own login dialog from popping up on a 401.
const KEY = 'propdesk.audit.basic';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export function loggedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function logIn(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  sessionStorage.setItem(KEY, btoa(binary));
}

export function logOut() {
  sessionStorage.removeItem(KEY);
}

async function call(path, accept) {
  const response = await fetch(path, {
    headers: { Authorization: `Basic ${sessionStorage.getItem(KEY) || ''}`, Accept: accept },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    let detail = `请求失败（${response.status}）`;
    try {
      const problem = await response.json();
      detail = problem.errors
        ? problem.errors.map((e) => `${e.field}：${e.message}`).join('；')
        : problem.detail || problem.title || detail;
    } catch (ignored) {
      // not a problem+json answer: the status says enough
    }
    throw new ApiError(response.status, detail);
  }
  return response;
}

export async function getJson(path) {
  return (await call(path, 'application/json')).json();
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
