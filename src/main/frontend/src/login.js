import { ApiError, logIn, logOut } from './api.js';
import { h } from './dom.js';

/**
 * The login box of PropDesk's pages: it keeps the credentials only once {@code enter} (which asks the page's own
 * "who am I" endpoint and shows the page) succeeds; a wrong password or a user outside the page's groups is told
 * why, in Chinese, and nothing is kept.
 */
export function loginForm({ title, hint, message, enter, refused }) {
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const notice = h('p', { id: 'login-error', class: 'error', role: 'alert', hidden: !message }, message || '');
  const form = h('form', { class: 'login', id: 'login-form' },
    h('h1', {}, title),
    h('p', { class: 'muted' }, hint),
    h('label', { for: 'login-user' }, '用户名'), user,
    h('label', { for: 'login-password' }, '密码'), password,
    notice,
    h('button', { type: 'submit', id: 'login-submit' }, '登录'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    logIn(user.value.trim(), password.value);
    password.value = '';
    try {
      await enter();
    } catch (error) {
      logOut();
      notice.hidden = false;
      notice.textContent = error instanceof ApiError && error.status === 401 ? '用户名或密码错误。'
        : error instanceof ApiError && error.status === 403 ? refused(error) : error.message;
    }
  });
  return { form, focus: () => user.focus() };
}
