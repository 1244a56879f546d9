import './desk.css';
import {
  ApiError, fieldMessage, getJson, keepLoginAs, logOut, loggedIn, sendForm, sendJson,
} from '../api.js';
import { append, formatMinute, h, table } from '../dom.js';
import { loginForm } from '../login.js';
import { navigate, parseHash } from '../router.js';
import {
  actorName, categoryName, groupName, label, labels, loadLabels, priorityName, typeName,
} from '../labels.js';

// The service desk's console: one search box, the caller's card, a new case, a case's page and the desk's actions
// on a call. Everything comes from PropDesk's API with the agent's own login; data is only ever put in as text.
keepLoginAs('propdesk.desk.basic');

const main = document.getElementById('main');
const searchBox = document.getElementById('q');
const CASE_NO = /^[A-Z]-\d{8}-\d{4,}$/i;
const ROLES = { owner: '业主', tenant: '租户', family: '家属' };
const CLOCK_STATES = { running: '计时中', paused: '已暂停', met: '已达成', stopped: '已停止' };
const RELATIONS = { opened: '由本事项转出', 'opened-from': '由该事项转入' };
let me = null;
// the latest route: an earlier one that fails after the user moved on has nothing left to show its error on
let routing = 0;

/** Puts a screen in place of the one before; a piece left out (null) is left out, not written as "null". */
function show(...nodes) {
  main.replaceChildren();
  append(main, nodes);
}

function loading(text = '正在加载……') {
  show(h('p', { class: 'muted', id: 'page-loading' }, text));
}

const caseHref = (caseNo) => `#/case/${encodeURIComponent(caseNo)}`;
const callerHref = (unit) => `#/caller/${encodeURIComponent(unit)}`;

function refusal(error) {
  return `没有权限使用客服台：${error.message}`;
}

function failure(error) {
  if (error instanceof ApiError && (error.status === 401 || (error.status === 403 && !me))) {
    logOut();
    me = null;
    renderLogin(error.status === 401 ? '登录已失效，请重新登录。' : refusal(error));
    return;
  }
  // the error takes the screen's place: what was there before no longer answers what was asked
  show(h('p', { class: 'error', role: 'alert', id: 'page-error' }, error.message || String(error)));
}

async function whoAmI() {
  me = await getJson('/api/desk/me');
  document.getElementById('who').textContent = `${me.name || me.userId}（${me.groups.map(groupName).join('、')}）`;
}

async function route() {
  const mine = ++routing;
  document.getElementById('nav').hidden = !loggedIn();
  if (!loggedIn()) {
    renderLogin();
    return;
  }
  try {
    await loadLabels(getJson);
    if (!me) await whoAmI();
    document.getElementById('nav').hidden = false;
    const { path, params } = parseHash('/');
    // the box holds the search whose results are on screen, and nothing on any other screen
    if (path !== '/search') searchBox.value = '';
    loading();
    if (path === '/search') {
      await renderSearch(params.get('q') || '', Number(params.get('page')) || 1);
    } else if (path.startsWith('/caller/')) {
      await renderCaller(decodeURIComponent(path.slice('/caller/'.length)));
    } else if (path === '/new') {
      await renderNewCase(params.get('unit') || '');
    } else if (path.startsWith('/created/')) {
      await renderReceipt(decodeURIComponent(path.slice('/created/'.length)));
    } else if (path.startsWith('/case/')) {
      await renderCase(decodeURIComponent(path.slice('/case/'.length)));
    } else {
      renderHome();
    }
  } catch (error) {
    if (mine === routing) failure(error);
  }
}

// ---- login ------------------------------------------------------------------------------------------

function renderLogin(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').textContent = '';
  const login = loginForm({
    title: '客服台登录',
    hint: '限客服、24小时值班和管理层用户组。使用与 Camunda Tasklist 相同的账号和密码。',
    message,
    enter: async () => {
      me = null;
      await loadLabels(getJson);
      await whoAmI();
      await route();
      searchBox.focus();
    },
    refused: refusal,
  });
  show(login.form);
  login.focus();
}

function renderHome() {
  show(h('h1', {}, '客服台'),
    h('p', { class: 'muted', id: 'home-hint' },
      '在上方搜索框输入事项编号、来电号码（完整或后 4 位）、房号（3-1201、3栋1201）或姓名，按回车搜索。'),
    h('p', {}, h('a', { href: '#/new', id: 'new-case' }, '新建事项')));
  searchBox.focus();
}

// ---- pieces shared by the screens -------------------------------------------------------------------

function priorityBadge(priority) {
  if (!priority) return h('span', { class: 'muted' }, '未分级');
  return h('span', { class: `badge priority ${priority.toLowerCase()}`, title: priorityName(priority) }, priority);
}

function residentBadges(resident) {
  return [
    resident.elderlyAlone ? h('span', { class: 'badge elderly' }, '独居老人') : null,
    resident.specialNeeds ? h('span', { class: 'badge special', title: resident.specialNeeds }, `特别关注：${resident.specialNeeds}`) : null,
  ];
}

/** Case lines as the search and the caller's card list them; a complaint is marked, as the desk must notice it. */
function caseRows(lines) {
  return lines.map((c) => h('tr', { 'data-case': c.caseNo, class: c.type === 'complaint' ? 'complaint' : null },
    h('td', {}, h('a', { href: caseHref(c.caseNo), class: 'case-link' }, c.caseNo)),
    h('td', {}, c.type === 'complaint' ? h('span', { class: 'badge complaint' }, typeName(c.type)) : typeName(c.type)),
    h('td', {}, label(labels().statuses, c.status)),
    h('td', {}, priorityBadge(c.priority)),
    h('td', { class: 'nowrap' }, formatMinute(c.created)),
    h('td', {}, c.unit ? h('a', { href: callerHref(c.unit) }, c.unit) : '—'),
    h('td', {}, c.reporter || '—', c.reporterPhone ? h('span', { class: 'muted' }, ` ${c.reporterPhone}`) : null)));
}

const CASE_HEADERS = ['事项编号', '类型', '状态', '优先级', '受理时间', '房号', '报事人'];

/** Shows each field's own message beside it; what belongs to no field shown goes to {@code general}. */
function showFieldErrors(form, error, general) {
  form.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  general.hidden = true;
  if (!(error instanceof ApiError) || error.status !== 400 || error.fields.length === 0) {
    general.hidden = false;
    general.textContent = error.message || String(error);
    return;
  }
  const unplaced = [];
  for (const { field, message: said } of error.fields) {
    // the API lists a type's category codes for channel systems; beside the picker, choosing one is what to do
    const message = field === 'category' && /^\S*必填/.test(said) ? '请选择一项' : said;
    const slot = form.querySelector(`.field-error[data-field="${CSS.escape(field)}"]`);
    if (slot) {
      slot.hidden = false;
      slot.textContent = slot.textContent ? `${slot.textContent}；${message}` : message;
    } else {
      unplaced.push(fieldMessage({ field, message }));
    }
  }
  if (unplaced.length) {
    general.hidden = false;
    general.textContent = unplaced.join('；');
  }
}

function fieldError(field) {
  return h('p', { class: 'field-error', 'data-field': field, id: `err-${field.replace('.', '-')}`, hidden: true, role: 'alert' });
}

/** One generated id per form: a double click or a retry opens the same case, never a second one. */
function externalId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `desk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// ---- search -----------------------------------------------------------------------------------------

async function renderSearch(q, page) {
  searchBox.value = q;
  if (!q.trim()) {
    show(h('p', { class: 'error', role: 'alert', id: 'search-empty' }, '请输入要找的内容（电话后 4 位、房号、姓名或事项编号）'));
    searchBox.focus();
    return;
  }
  loading('正在搜索……');
  const found = await getJson(`/api/desk/search?q=${encodeURIComponent(q)}&page=${page}`);
  if (page === 1 && CASE_NO.test(q.trim()) && found.total === 1 && found.callers.length === 0) {
    location.replace(caseHref(found.cases[0].caseNo));
    return;
  }
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  const pageHref = (n) => `#/search?q=${encodeURIComponent(q)}&page=${n}`;
  const callers = found.callers.map((r) => h('tr', { 'data-unit': r.unit, class: r.elderlyAlone || r.specialNeeds ? 'special' : null },
    h('td', {}, h('a', { href: callerHref(r.unit), class: 'caller-link' }, r.unit)),
    h('td', {}, r.name), h('td', {}, r.phone), h('td', {}, label(ROLES, r.role)), h('td', {}, residentBadges(r))));
  show(
    h('h1', {}, `搜索“${q}”`),
    h('section', { class: 'panel' },
      h('h2', {}, `住户（${found.callers.length}）`),
      table('callers-table', ['房号', '姓名', '电话', '身份', '关注'], callers, '没有匹配的住户。')),
    h('section', { class: 'panel' },
      h('h2', { id: 'cases-count' }, `事项（共 ${found.total} 条）`),
      table('cases-table', CASE_HEADERS, caseRows(found.cases), '没有匹配的事项。'),
      pages > 1 ? h('p', { class: 'pager', id: 'pager' },
        page > 1 ? h('a', { href: pageHref(page - 1), id: 'page-previous' }, '上一页') : null,
        h('span', {}, `第 ${page} / ${pages} 页`),
        page < pages ? h('a', { href: pageHref(page + 1), id: 'page-next' }, '下一页') : null) : null));
}

// ---- the caller's card ------------------------------------------------------------------------------

async function renderCaller(unit) {
  const card = await getJson(`/api/desk/callers/${encodeURIComponent(unit)}`);
  const members = card.household.map((r) => h('tr', { class: r.elderlyAlone || r.specialNeeds ? 'special' : null },
    h('td', {}, r.name), h('td', {}, label(ROLES, r.role)), h('td', {}, r.phone), h('td', {}, residentBadges(r))));
  const visit = card.lastReturnVisit;
  show(
    h('h1', { id: 'caller-title' }, `住户 ${card.unit}`),
    h('p', {}, h('button', {
      type: 'button', id: 'new-for-unit', onclick: () => navigate(`#/new?unit=${encodeURIComponent(card.unit)}`, route),
    }, '为该住户新建事项')),
    h('section', { class: 'panel' }, h('h2', {}, '家庭成员'),
      table('household', ['姓名', '身份', '电话', '特别关注'], members, '登记簿中没有住户。')),
    h('div', { class: 'columns' },
      h('section', { class: 'panel' }, h('h2', {}, `未办结的事项（${card.openCases.length}）`),
        table('open-cases', CASE_HEADERS, caseRows(card.openCases), '没有未办结的事项。')),
      h('section', { class: 'panel' }, h('h2', {}, `近 90 天的事项和投诉（${card.recentCases.length}）`),
        table('recent-cases', CASE_HEADERS, caseRows(card.recentCases), '近 90 天没有事项。'))),
    h('section', { class: 'panel' }, h('h2', {}, '最近一次回访'),
      h('p', { id: 'last-return-visit' }, visit
        ? [formatMinute(visit.at), ' ', h('a', { href: caseHref(visit.caseNo) }, visit.caseNo), ` ${actorName(visit)}：${visit.message}`]
        : '无回访记录')));
}

// ---- a new case -------------------------------------------------------------------------------------

function options(select, entries, chosen, empty) {
  const choices = entries.map(([value, text]) => h('option', { value, selected: value === chosen }, text));
  select.replaceChildren(...(empty ? [h('option', { value: '' }, empty)] : []), ...choices);
}

async function renderNewCase(unit) {
  const buildingCode = unit.includes('-') ? unit.split('-')[0] : '';
  const buildings = await getJson('/api/registry/buildings');

  const type = h('select', { id: 'n-type', name: 'type' });
  options(type, Object.entries(labels().types).filter(([code]) => ['repair', 'complaint', 'emergency', 'inquiry', 'mediation'].includes(code)),
    'repair');
  const building = h('select', { id: 'n-building', name: 'building' });
  options(building, buildings.map((b) => [b.code, b.name]), buildingCode, '请选择楼栋');
  const unitSelect = h('select', { id: 'n-unit', name: 'unit' });
  const category = h('select', { id: 'n-category', name: 'category' });
  const member = h('select', { id: 'n-member', 'aria-label': '家庭成员' });
  const name = h('input', { id: 'n-name', name: 'name', maxlength: 64, autocomplete: 'off' });
  const phone = h('input', { id: 'n-phone', name: 'phone', maxlength: 32, autocomplete: 'off', inputmode: 'tel' });
  const description = h('textarea', { id: 'n-description', name: 'description', maxlength: 2000, rows: 4 });
  // a complaint also records what the owner asks for and whom it is about
  const demand = h('textarea', { id: 'n-demand', name: 'demand', maxlength: 1000, rows: 2 });
  const subject = h('input', { id: 'n-subject', name: 'subject', maxlength: 200, autocomplete: 'off' });
  // a neighbour dispute names the other party's units beside the reporter's own
  const otherUnits = h('input', { id: 'n-other-units', name: 'otherUnits', maxlength: 200, autocomplete: 'off',
    placeholder: '如 3-1101，多个用逗号分隔' });
  const submit = h('button', { type: 'submit', id: 'new-submit' }, '提交受理');
  let residents = [];

  const complaintRows = [];
  const mediationRows = [];
  const fillCategories = () => {
    const own = labels().categories[type.value] || {};
    options(category, Object.entries(own), '', '请选择类别');
    complaintRows.forEach((node) => { node.hidden = type.value !== 'complaint'; });
    mediationRows.forEach((node) => { node.hidden = type.value !== 'mediation'; });
  };
  const fillUnits = async (chosen) => {
    if (!building.value) {
      options(unitSelect, [], '', '请先选择楼栋');
      return;
    }
    const units = await getJson(`/api/registry/buildings/${encodeURIComponent(building.value)}/units`);
    options(unitSelect, units.map((u) => [u.code, u.code]), chosen, '请选择房号');
  };
  const fillMembers = async () => {
    residents = unitSelect.value
      ? await getJson(`/api/registry/units/${encodeURIComponent(unitSelect.value)}/residents`) : [];
    options(member, residents.map((r, i) => [String(i), `${r.name}（${label(ROLES, r.role)}）`]), '', residents.length
      ? '选择家庭成员（或直接填写）' : unitSelect.value ? '该房号没有登记住户' : '请先选择房号');
  };
  type.addEventListener('change', fillCategories);
  const general = h('p', { class: 'error', id: 'new-error', role: 'alert', hidden: true });
  // a failed look-up of the pickers is told beside the form, which stays as filled in
  const pickerFailed = (error) => (error instanceof ApiError && error.status === 401 ? failure(error)
    : showFieldErrors(form, error, general));
  building.addEventListener('change', () => fillUnits('').then(fillMembers).catch(pickerFailed));
  unitSelect.addEventListener('change', () => fillMembers().catch(pickerFailed));
  member.addEventListener('change', () => {
    const chosen = residents[Number(member.value)];
    if (member.value !== '' && chosen) {
      name.value = chosen.name;
      phone.value = chosen.phone;
    }
  });

  const row = (labelText, control, ...fields) => [
    h('label', { for: control.id }, labelText),
    h('div', { class: 'control' }, control, fields.map(fieldError))];
  const form = h('form', { class: 'desk-form', id: 'new-form', novalidate: true },
    row('事项类型', type, 'type'),
    row('楼栋', building, 'building'),
    row('房号', unitSelect, 'unit'),
    row('类别', category, 'category'),
    row('家庭成员', member),
    row('报事人', name, 'reporter.name'),
    row('联系电话', phone, 'reporter.phone'),
    row('情况描述', description, 'description'),
    complaintRows.concat(row('诉求', demand, 'demand'), row('投诉对象', subject, 'subject')),
    row('对方房号', otherUnits, 'otherUnits'),
    h('span'), h('div', {}, general, submit));
  complaintRows.push(...form.querySelectorAll('label[for=n-demand], label[for=n-subject]'),
    demand.parentElement, subject.parentElement);
  mediationRows.push(...form.querySelectorAll('label[for=n-other-units]'), otherUnits.parentElement);

  const id = externalId();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const receipt = await sendJson('POST', '/api/cases', {
        type: type.value, channel: 'phone', externalId: id,
        reporter: { name: name.value.trim(), phone: phone.value.trim() },
        building: building.value || null, unit: unitSelect.value || null, category: category.value || null,
        description: description.value.trim(),
        ...(type.value === 'complaint' ? { demand: demand.value.trim() || null, subject: subject.value.trim() || null } : {}),
        ...(type.value === 'mediation'
          ? { otherUnits: otherUnits.value.split(/[,，、;；\s]+/).map((u) => u.trim()).filter((u) => u) } : {}),
      });
      navigate(`#/created/${encodeURIComponent(receipt.caseNo)}`, route);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        failure(error);
        return;
      }
      showFieldErrors(form, error, general);
    } finally {
      submit.disabled = false;
    }
  });

  fillCategories();
  await fillUnits(unit);
  await fillMembers();
  show(h('h1', {}, '新建事项'),
    h('p', { class: 'muted' }, '电话受理。房号从住户卡片带入时已选好；选择家庭成员可带入报事人和电话。'),
    h('section', { class: 'panel' }, form));
  type.focus();
}

// ---- the receipt ------------------------------------------------------------------------------------

function trackingUrl(desk, receipt) {
  return desk.trackingUrl || `${location.origin}/track/${encodeURIComponent(receipt.caseNo)}?token=${encodeURIComponent(receipt.trackingToken)}`;
}

/**
 * The button that texts the reporter the tracking link; the answer (or the refusal) shows beside it, or, on a case's
 * page ({@code onSent}), the page is drawn again with the answer on top and the SMS on the timeline.
 */
function smsButton(caseNo, onSent) {
  const result = h('span', { id: 'sms-result', role: 'status' });
  const button = h('button', { type: 'button', class: 'secondary', id: 'sms-button' }, '短信发送跟踪链接');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const sent = await sendJson('POST', `/api/desk/cases/${encodeURIComponent(caseNo)}/tracking-sms`);
      const text = sent.sent ? `已于 ${formatMinute(sent.sentAt)} 发送到 ${sent.phone}`
        : `${formatMinute(sent.sentAt)} 已发送到 ${sent.phone}，未重复发送`;
      if (onSent) {
        await onSent({ id: 'sms-notice', text: `跟踪链接短信${text}。` });
        return;
      }
      result.className = 'notice';
      result.textContent = text;
    } catch (error) {
      result.className = 'notice error';
      result.textContent = `短信未发送：${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return [button, ' ', result];
}

async function renderReceipt(caseNo) {
  const path = encodeURIComponent(caseNo);
  const [receipt, desk] = await Promise.all([getJson(`/api/cases/${path}/receipt`), getJson(`/api/desk/cases/${path}`)]);
  const url = trackingUrl(desk, receipt);
  show(h('h1', {}, '已受理'),
    h('div', { class: 'receipt', id: 'receipt' },
      h('p', { class: 'muted' }, `${typeName(receipt.type)} · ${receipt.statusLabel} · `, priorityBadge(receipt.priority)),
      h('p', { class: 'muted' }, '事项编号'),
      h('p', { class: 'big', id: 'receipt-case-no' }, receipt.caseNo),
      h('p', { class: 'muted' }, receipt.type === 'emergency' ? '当前步骤时限（值班确认）' : '承诺时间'),
      // no running clock is no promise: a major complaint is management's at once, an inquiry may be answered already
      h('p', { class: 'due', id: 'receipt-due' }, receipt.dueAt ? formatMinute(receipt.dueAt) : '暂无计时中的服务时限'),
      receipt.answer ? [h('p', { class: 'muted' }, '答复'), h('p', { id: 'receipt-answer' }, receipt.answer)] : null,
      h('p', { class: 'muted' }, '业主跟踪链接'),
      h('p', { class: 'link' }, h('a', { href: url, id: 'receipt-link', target: '_blank', rel: 'noopener noreferrer' }, url)),
      h('p', {}, smsButton(receipt.caseNo)),
      h('p', {}, h('a', { href: caseHref(receipt.caseNo), id: 'receipt-case-link' }, '查看事项详情 →'))));
}

// ---- one case ---------------------------------------------------------------------------------------

function clockState(clock) {
  const parts = [h('span', { class: `badge ${clock.breachedAt ? 'breached' : clock.state === 'met' ? 'met' : ''}` },
    clock.breachedAt ? `已超时（${formatMinute(clock.breachedAt)}）` : label(CLOCK_STATES, clock.state))];
  if (clock.breachedAt) parts.push(label(CLOCK_STATES, clock.state));
  if (clock.metAt) parts.push(` 达成于 ${formatMinute(clock.metAt)}`);
  if (clock.pauseReason) parts.push(` 暂停原因：${clock.pauseReason}`);
  return parts;
}

function holder(task) {
  if (task.assignee) return task.assigneeName || task.assignee;
  return `待认领：${(task.groupLabels || task.groups || []).join('、') || '—'}`;
}

/** Who an urge paged, by name where the case page knows it. */
function pagedNames(paged, tasks) {
  return paged.map((id) => {
    const task = tasks.find((t) => t.assignee === id);
    if (task && task.assigneeName) return task.assigneeName;
    return labels().groups[id] || id;
  }).join('、');
}

/**
 * Sends a form's request once at a time: its button is disabled from the first click until the answer is in, so a
 * double click records one call or one urge, not two.
 */
function onSubmitOnce(form, send) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button.disabled) return;
    button.disabled = true;
    try {
      await send();
    } finally {
      button.disabled = false;
    }
  });
}

function reporterSection(caseNo, reporter, onSaved) {
  const shown = h('span', { id: 'reporter-shown' }, `${reporter.name || '—'} ${reporter.phone || ''}`);
  const toggle = h('button', { type: 'button', class: 'secondary', id: 'reporter-edit' }, '更正联系方式');
  const name = h('input', { id: 'r-name', value: reporter.name || '', maxlength: 64, 'aria-label': '姓名' });
  const phone = h('input', { id: 'r-phone', value: reporter.phone || '', maxlength: 32, 'aria-label': '电话', inputmode: 'tel' });
  const general = h('p', { class: 'error', id: 'reporter-error', hidden: true, role: 'alert' });
  const form = h('form', { class: 'inline-form', id: 'reporter-form', hidden: true },
    h('div', {}, h('label', { for: 'r-name' }, '姓名 '), name, fieldError('name')),
    h('div', {}, h('label', { for: 'r-phone' }, '电话 '), phone, fieldError('phone')),
    h('button', { type: 'submit', id: 'reporter-save' }, '保存'), general);
  toggle.addEventListener('click', () => { form.hidden = !form.hidden; if (!form.hidden) name.focus(); });
  onSubmitOnce(form, async () => {
    try {
      await sendJson('PUT', `/api/desk/cases/${encodeURIComponent(caseNo)}/reporter`,
        { name: name.value.trim(), phone: phone.value.trim() });
      await onSaved({ id: 'reporter-result', text: '联系方式已更正。' });
    } catch (error) {
      showFieldErrors(form, error, general);
    }
  });
  return h('section', { class: 'panel', id: 'reporter' }, h('h2', {}, '报事人'), h('p', {}, shown, ' ', toggle), form);
}

function callForm(caseNo, onSaved) {
  const caller = h('input', { id: 'call-caller', maxlength: 64, 'aria-label': '来电人' });
  const phone = h('input', { id: 'call-phone', maxlength: 32, 'aria-label': '来电号码', inputmode: 'tel' });
  const summary = h('textarea', { id: 'call-summary', maxlength: 1000, rows: 2, 'aria-label': '来电内容' });
  const general = h('p', { class: 'error', id: 'call-error', hidden: true, role: 'alert' });
  const form = h('form', { class: 'inline-form', id: 'call-form' },
    h('div', {}, h('label', { for: 'call-caller' }, '来电人 '), caller, fieldError('caller')),
    h('div', {}, h('label', { for: 'call-phone' }, '电话（可不填） '), phone, fieldError('phone')),
    h('div', {}, h('label', { for: 'call-summary' }, '来电内容 '), summary, fieldError('summary')),
    h('button', { type: 'submit', id: 'call-submit' }, '添加来电记录'), general);
  onSubmitOnce(form, async () => {
    try {
      await sendJson('POST', `/api/desk/cases/${encodeURIComponent(caseNo)}/calls`,
        { caller: caller.value.trim(), phone: phone.value.trim() || null, summary: summary.value.trim() });
      await onSaved({ id: 'call-result', text: '来电记录已添加。' });
    } catch (error) {
      showFieldErrors(form, error, general);
    }
  });
  return form;
}

function urgeForm(caseNo, tasks, onSaved) {
  const note = h('input', { id: 'urge-note', maxlength: 500, size: 40, 'aria-label': '催办备注', placeholder: '备注（可不填）' });
  const general = h('p', { class: 'error', id: 'urge-error', hidden: true, role: 'alert' });
  const form = h('form', { class: 'inline-form', id: 'urge-form' },
    note, fieldError('note'), h('button', { type: 'submit', id: 'urge-submit' }, '催办'), general);
  onSubmitOnce(form, async () => {
    try {
      const urged = await sendJson('POST', `/api/cases/${encodeURIComponent(caseNo)}/urge`, { note: note.value.trim() || null });
      await onSaved({
        id: 'urge-result',
        // the duty officer an escalation pages is said once, as the escalation
        text: `已催办（24 小时内第 ${urged.count} 次）：已呼叫 ${pagedNames(urged.paged.filter((id) => !urged.escalated
          || id !== 'duty-officer'), tasks) || '—'}`
          + `${urged.escalated ? '；已升级呼叫 24 小时值班' : ''}。`,
      });
    } catch (error) {
      showFieldErrors(form, error, general);
    }
  });
  return form;
}

/**
 * A neighbour dispute's evidence (photos, CCTV stills, a decibel or leak-test report) uploaded for the 取证 form, which
 * takes the numbers shown here: Tasklist's forms have no file picker.
 */
function evidenceForm() {
  const file = h('input', { type: 'file', id: 'evidence-file', name: 'file', accept: 'image/jpeg,image/png,image/webp,application/pdf' });
  const submit = h('button', { type: 'submit', id: 'evidence-submit' }, '上传证据');
  const general = h('p', { class: 'error', id: 'evidence-error', role: 'alert', hidden: true });
  const uploaded = h('ul', { id: 'evidence-uploaded' });
  const form = h('form', { class: 'desk-form', id: 'evidence-form', novalidate: true },
    h('label', { for: 'evidence-file' }, '证据文件'), h('div', { class: 'control' }, file, fieldError('file')),
    h('span'), h('div', {}, general, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const chosen = file.files[0];
      const data = new FormData();
      data.append('purpose', 'evidence');
      if (chosen) data.append('file', chosen);
      const stored = await sendForm('/api/uploads', data);
      form.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
      general.hidden = true;
      append(uploaded, [h('li', { class: 'evidence-id' }, `${chosen.name}：文件编号 `, h('code', {}, stored.id))]);
      file.value = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        failure(error);
        return;
      }
      showFieldErrors(form, error, general);
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'panel', id: 'evidence' }, h('h2', {}, '调解证据'),
    h('p', { class: 'muted' }, '图片或 PDF，最大 2 MB；把文件编号填入 Tasklist 的“取证”表单。证据只给调解人员看。'), form, uploaded);
}

async function renderCase(caseNo, notice) {
  const path = encodeURIComponent(caseNo);
  const [c, desk] = await Promise.all([getJson(`/api/cases/${path}`), getJson(`/api/desk/cases/${path}`)]);
  const again = (next) => renderCase(caseNo, next).catch(failure);
  const facts = [
    ['状态', c.statusLabel], ['优先级', priorityBadge(c.priority)], ['类型', c.typeLabel || typeName(c.type)],
    ['类别', c.categoryLabel || categoryName(c.type, c.category)],
    ['房号', c.unit ? h('a', { href: callerHref(c.unit) }, c.unit) : '—'],
    ['负责部门', c.departmentLabel || '—'], ['受理时间', formatMinute(c.createdAt)],
    [c.type === 'emergency' ? '当前步骤时限' : '承诺时间', c.dueAt ? formatMinute(c.dueAt) : '—'],
    ['受理渠道', label(labels().channels, c.channel)],
  ];
  if (c.answer) facts.push(['答复', c.answer]);
  if (c.owner && c.owner.technician) facts.push(['上门师傅', c.owner.technician]);
  if (c.owner && c.owner.eta) facts.push(['预计到达', formatMinute(c.owner.eta)]);
  const tasks = desk.tasks.map((t) => h('tr', {},
    h('td', {}, t.name), h('td', { class: 'holder' }, holder(t)), h('td', {}, `${formatMinute(t.since)} 起`),
    h('td', {}, t.due ? formatMinute(t.due) : '—')));
  const clocks = c.clocks.map((k) => h('tr', { 'data-sla': k.sla },
    h('td', {}, k.label || label(labels().slas, k.sla)), h('td', {}, formatMinute(k.startedAt)),
    h('td', {}, formatMinute(k.dueAt)), h('td', {}, clockState(k))));
  const timeline = c.timeline.map((line) => h('tr', { 'data-kind': line.kind },
    h('td', {}, formatMinute(line.at)), h('td', {}, label(labels().timelineKinds, line.kind)),
    h('td', { class: 'actor' }, actorName(line)), h('td', {}, line.message)));
  show(
    h('h1', { id: 'case-title' }, `事项 ${c.caseNo}`),
    notice ? h('p', { class: 'notice', id: notice.id, role: 'status' }, notice.text) : null,
    h('dl', { class: 'facts', id: 'case-facts' }, facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    h('p', {}, c.description),
    h('section', { class: 'panel' }, h('h2', {}, '当前任务：谁在办、从何时起'),
      table('tasks', ['任务', '处理人', '自', '到期'], tasks, '没有进行中的任务。')),
    reporterSection(c.caseNo, desk.reporter, again),
    h('section', { class: 'panel', id: 'actions' }, h('h2', {}, '来电处理'),
      callForm(c.caseNo, again),
      h('h2', {}, `催办${desk.urgesLast24h ? `（24 小时内已催办 ${desk.urgesLast24h} 次）` : ''}`),
      urgeForm(c.caseNo, desk.tasks, again),
      h('h2', {}, '跟踪链接'),
      desk.trackingUrl ? h('p', { class: 'link' }, h('a', { href: desk.trackingUrl, id: 'tracking-link', target: '_blank',
        rel: 'noopener noreferrer' }, desk.trackingUrl)) : null,
      h('p', {}, smsButton(c.caseNo, again))),
    c.type === 'mediation' ? evidenceForm() : null,
    h('section', { class: 'panel' }, h('h2', {}, '服务时限'),
      table('clocks', ['时限', '开始', '到期', '状态'], clocks, '没有计时。')),
    h('section', { class: 'panel' }, h('h2', {}, '关联事项'),
      c.links.length === 0 ? h('p', { class: 'muted', id: 'links' }, '没有关联事项。')
        : h('ul', { id: 'links' }, c.links.map((l) => h('li', {},
          h('a', { href: caseHref(l.caseNo), class: 'case-link' }, l.caseNo), ` ${label(RELATIONS, l.relation)}`)))),
    h('section', { class: 'panel' }, h('h2', {}, '处理经过'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'timeline', class: 'timeline' },
        h('thead', {}, h('tr', {}, ['时间', '步骤', '经办人', '经过'].map((t) => h('th', {}, t)))),
        h('tbody', {}, timeline)))));
}

document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = searchBox.value.trim();
  navigate(q ? `#/search?q=${encodeURIComponent(q)}&page=1` : '#/search', route);
});
document.getElementById('logout').addEventListener('click', () => {
  logOut();
  me = null;
  location.hash = '#/';
  renderLogin('已退出。');
});
window.addEventListener('hashchange', route);
route();
