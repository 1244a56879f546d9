import './worklog.css';
import {
  ApiError, getJson, keepLoginAs, logOut, loggedIn, sendForm, sendJson,
} from '../api.js';
import { append, formatMinute, h } from '../dom.js';
import { loginForm } from '../login.js';

// The phone page of work logs: the user's department's rounds of today (due first, missed marked) and a form that
// records a round, photos uploaded first. Everything comes from PropDesk's API with the user's own login; data is
// only ever put in as text.
keepLoginAs('propdesk.worklog.basic');

const main = document.getElementById('main');
const DEPARTMENTS = ['cleaning', 'engineering', 'security'];
const STATES = { due: '待完成', missed: '漏做', done: '已完成' };
const ORDER = { due: 0, missed: 1, done: 2 };
let me = null;
let buildings = [];

function show(...nodes) {
  main.replaceChildren();
  append(main, nodes);
}

function renderLogin(message) {
  document.getElementById('nav').hidden = true;
  const { form, focus } = loginForm({
    title: 'PropDesk 工作记录',
    hint: '保洁部、工程部、安保部和管理层使用 PropDesk 账号登录。',
    message,
    enter: start,
    refused: (error) => `没有权限使用工作记录：${error.message}`,
  });
  show(form);
  focus();
}

/** The local time as a datetime-local field holds it: 2026-11-27T10:05. */
function localNow() {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

function newClientId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

async function start() {
  me = await getJson('/api/worklogs/me');
  buildings = await getJson('/api/registry/buildings');
  document.getElementById('who').textContent = me.name || me.userId;
  document.getElementById('nav').hidden = false;
  await render();
}

async function todaysRounds() {
  const mine = me.groups.includes('management') ? [null] : DEPARTMENTS.filter((d) => me.groups.includes(d));
  const lists = await Promise.all(mine.map((d) => getJson(`/api/worklogs/rounds${d ? `?department=${d}` : ''}`)));
  return lists.flat().sort((a, b) => (ORDER[a.status] - ORDER[b.status]) || a.dueAt.localeCompare(b.dueAt));
}

function buildingName(code) {
  const found = buildings.find((b) => b.code === code);
  return found ? found.name : `${code}号楼`;
}

// a round is recorded once it has begun (a phone's clock may run a little behind the server's)
function waiting(round) {
  return round.status === 'due' && new Date(round.startsAt).getTime() > Date.now() + 2 * 60 * 1000;
}

async function render(notice) {
  const rounds = await todaysRounds();
  const form = logForm();
  const list = rounds.length === 0
    ? h('p', { class: 'muted', id: 'rounds-empty' }, '今天没有排定的轮次。')
    : h('ul', { class: 'rounds', id: 'rounds' }, rounds.map((round) => h('li', {
      class: `round ${round.status}`, 'data-round': round.id, 'data-status': round.status,
    },
    h('div', {},
      h('div', { class: 'what' }, `${round.dutyLabel} · ${buildingName(round.building)}`),
      h('div', { class: 'when' }, `${formatMinute(round.startsAt).slice(11)}–${formatMinute(round.dueAt).slice(11)}`,
        round.location ? ` · ${round.location}` : ''),
      h('span', { class: `state ${round.status}` }, waiting(round) ? '未开始' : STATES[round.status] || round.status)),
    round.status === 'due' && !waiting(round) && me.duties[round.duty]
      ? h('button', { type: 'button', class: 'record-round', onclick: () => form.fill(round) }, '记录')
      : null)));
  show(
    notice || null,
    h('h2', {}, '今天的轮次'),
    list,
    h('h2', { id: 'form-title' }, '记录一轮工作'),
    form.element,
  );
  // the confirmation is read where it is, not above the form the user just sent
  notice?.scrollIntoView({ block: 'start' });
}

function logForm() {
  const duty = h('select', { id: 'w-duty', name: 'duty', required: true },
    Object.entries(me.duties).map(([code, name]) => h('option', { value: code }, name)));
  const building = h('select', { id: 'w-building', name: 'building', required: true },
    buildings.map((b) => h('option', { value: b.code }, b.name)));
  const location = h('input', { id: 'w-location', name: 'location', maxlength: 200, autocomplete: 'off' });
  const doneAt = h('input', { id: 'w-done-at', name: 'doneAt', type: 'datetime-local', required: true, value: localNow() });
  const notes = h('textarea', { id: 'w-notes', name: 'notes', maxlength: 2000 });
  const photos = h('input', {
    id: 'w-photos', name: 'photos', type: 'file', accept: 'image/*', capture: 'environment', multiple: true,
  });
  const thumbs = h('div', { class: 'thumbs', id: 'w-thumbs' });
  const message = h('p', { id: 'w-error', class: 'notice error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', id: 'w-submit' }, '提交记录');
  const uploaded = [];
  const pending = new Set();
  // one id per record: a retry after a lost answer finds the record the first try made
  let clientId = newClientId();
  // the round 记录 was pressed on: that round is done, not another one of the same duty and building
  let roundId = null;
  duty.addEventListener('change', () => { roundId = null; });
  building.addEventListener('change', () => { roundId = null; });

  function fail(text) {
    message.hidden = false;
    message.textContent = text;
  }

  photos.addEventListener('change', () => {
    for (const file of photos.files) {
      const thumb = h('img', { alt: file.name, class: 'uploading' });
      const reader = new FileReader();
      reader.onload = () => { thumb.src = reader.result; };
      reader.readAsDataURL(file);
      thumbs.append(thumb);
      const data = new FormData();
      data.append('purpose', 'photo');
      data.append('file', file);
      const upload = sendForm('/api/uploads', data).then((answer) => {
        uploaded.push(answer.id);
        thumb.classList.remove('uploading');
        thumb.dataset.upload = answer.id;
      }).catch((error) => {
        thumb.remove();
        fail(`照片 ${file.name} 未能上传：${error.message}`);
      }).finally(() => pending.delete(upload));
      pending.add(upload);
    }
    photos.value = '';
  });

  const element = h('form', { class: 'log-form', id: 'log-form' },
    h('label', { for: 'w-duty' }, '工作'), duty,
    h('label', { for: 'w-building' }, '楼栋'), building,
    h('label', { for: 'w-location' }, '位置（可不填）'), location,
    h('label', { for: 'w-done-at' }, '完成时间'), doneAt,
    h('label', { for: 'w-notes' }, '情况记录'), notes,
    h('label', { for: 'w-photos' }, '照片（先上传，可多张）'), photos, thumbs,
    message, submit);

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.hidden = true;
    submit.disabled = true;
    try {
      await Promise.all([...pending]);
      const record = await sendJson('POST', '/api/worklogs', {
        duty: duty.value,
        building: building.value,
        location: location.value.trim() || null,
        doneAt: new Date(doneAt.value).toISOString(),
        notes: notes.value.trim() || null,
        photos: uploaded,
        clientId,
        roundId,
      });
      clientId = newClientId();
      roundId = null;
      await render(h('p', { class: 'notice', id: 'w-done', role: 'status' },
        `已记录：${record.dutyLabel} · ${buildingName(record.building)} · ${formatMinute(record.doneAt)}`
        + (record.roundId ? '（本轮已完成）' : '')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        logOut();
        renderLogin('登录已失效，请重新登录。');
        return;
      }
      fail(error.message);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    element,
    fill(round) {
      roundId = round.id;
      duty.value = round.duty;
      building.value = round.building;
      location.value = round.location || '';
      doneAt.value = localNow();
      element.scrollIntoView();
      notes.focus();
    },
  };
}

document.getElementById('logout').addEventListener('click', () => {
  logOut();
  me = null;
  renderLogin();
});

if (loggedIn()) {
  start().catch((error) => {
    logOut();
    renderLogin(error instanceof ApiError && error.status === 403 ? `没有权限使用工作记录：${error.message}` : error.message);
  });
} else {
  renderLogin();
}
