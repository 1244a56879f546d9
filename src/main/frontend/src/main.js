import './audit.css';
import { ApiError, download, getJson, keepLoginAs, logOut, loggedIn } from './api.js';
import { breachChart } from './chart.js';
import { drawDiagram } from './diagram.js';
import { loginForm } from './login.js';
import { navigate, parseHash } from './router.js';
import { formatTime, h, isoDate, nextDay, percent, previousDay } from './dom.js';
import {
  DIMENSIONS, KINDS, PROCESS_STATES, SHIFTS, categoryName, describe, kindOf, label, labels, loadLabels, priorityName,
  sourceName, typeName, whoOf,
} from './labels.js';

keepLoginAs('propdesk.audit.basic');

const main = document.getElementById('main');
const CASE_NO = /\b[RCEQ]-\d{8}-\d{4,}\b/g;
let viewer = null;
let me = null;

function show(...nodes) {
  if (viewer) {
    viewer.destroy();
    viewer = null;
  }
  main.replaceChildren(...nodes);
}

function failure(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    logOut();
    me = null;
    renderLogin(error.status === 401 ? '登录已失效，请重新登录。' : `没有审计权限：${error.message}`);
    return;
  }
  main.append(h('p', { class: 'error', role: 'alert' }, error.message || String(error)));
}

async function route() {
  document.getElementById('nav').hidden = !loggedIn();
  if (!loggedIn()) {
    renderLogin();
    return;
  }
  try {
    if (!me) {
      me = await getJson('/api/audit/me');
      document.getElementById('who').textContent = `${me.userId}（${me.groups.join('、')}）`;
    }
    await loadLabels(getJson);
    const { path, params } = parseHash('/search');
    document.getElementById('nav-search').classList.toggle('active', path === '/search');
    document.getElementById('nav-report').classList.toggle('active', path === '/report');
    if (path.startsWith('/case/')) {
      await renderCase(decodeURIComponent(path.slice('/case/'.length)));
    } else if (path === '/report') {
      await renderReport(params);
    } else {
      await renderSearch(params);
    }
  } catch (error) {
    failure(error);
  }
}

// ---- login ------------------------------------------------------------------------------------------

function renderLogin(message) {
  document.getElementById('nav').hidden = true;
  const login = loginForm({
    title: '审计查询登录',
    hint: '仅限审计和管理层用户组。使用与 Camunda Tasklist 相同的账号和密码。',
    message,
    enter: async () => {
      me = null;
      me = await getJson('/api/audit/me');
      document.getElementById('who').textContent = `${me.userId}（${me.groups.join('、')}）`;
      await route();
    },
    refused: (error) => `没有审计权限：${error.message}`,
  });
  show(login.form);
  login.focus();
}

// ---- search -----------------------------------------------------------------------------------------

function field(labelText, control) {
  return h('label', { class: 'field' }, h('span', {}, labelText), control);
}

function select(name, options, value, emptyLabel = '全部') {
  return h('select', { name, id: `f-${name}` },
    h('option', { value: '' }, emptyLabel),
    Object.entries(options).map(([code, text]) => h('option', { value: code, selected: code === value }, text)));
}

/** Each type's own categories, under the type's name; with a type chosen, that type's only. */
function categorySelect(type, value) {
  const all = labels().categories;
  const groups = Object.entries(all).filter(([code]) => !type || code === type);
  return h('select', { name: 'category', id: 'f-category' },
    h('option', { value: '' }, '全部'),
    groups.map(([code, categories]) => h('optgroup', { label: typeName(code) },
      Object.entries(categories).map(([category, text]) => h('option', { value: category, selected: category === value }, text)))));
}

function searchQuery(params) {
  const query = new URLSearchParams();
  for (const name of ['caseNo', 'type', 'building', 'unit', 'category', 'status', 'breached']) {
    if (params.get(name)) query.set(name, params.get(name));
  }
  if (params.get('from')) query.set('from', params.get('from'));
  if (params.get('to')) query.set('to', nextDay(params.get('to')));
  return query;
}

async function renderSearch(params) {
  const value = (name) => params.get(name) || '';
  const form = h('form', { class: 'filters', id: 'search-form' },
    field('事项编号', h('input', { name: 'caseNo', id: 'f-caseNo', value: value('caseNo'), placeholder: 'R-20261127-0001' })),
    field('类型', select('type', labels().types, value('type'))),
    field('楼栋', h('input', { name: 'building', id: 'f-building', value: value('building'), size: 4 })),
    field('房号', h('input', { name: 'unit', id: 'f-unit', value: value('unit'), placeholder: '3-1201', size: 8 })),
    field('类别', categorySelect(value('type'), value('category'))),
    field('受理日期从', h('input', { name: 'from', id: 'f-from', type: 'date', value: value('from') })),
    field('到（含）', h('input', { name: 'to', id: 'f-to', type: 'date', value: value('to') })),
    field('状态', select('status', labels().statuses, value('status'))),
    field('时限', select('breached', { true: '有超时', false: '无超时' }, value('breached'), '不限')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'search-submit' }, '查询'),
      h('button', { type: 'button', class: 'secondary', id: 'search-csv' }, '导出 CSV')));
  const criteria = () => {
    const next = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (String(v).trim()) next.set(k, String(v).trim()); });
    return next;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/search?${criteria()}`, route);
  });
  const results = h('section', { id: 'search-results' }, h('p', { class: 'muted' }, '正在查询……'));
  form.querySelector('#search-csv').addEventListener('click', () => {
    download(`/api/audit/cases?${searchQuery(criteria())}&format=csv`, 'cases.csv').catch(failure);
  });
  show(h('h1', {}, '事项查询'), form, results);

  const found = await getJson(`/api/audit/cases?${searchQuery(params)}`);
  const rows = found.map((c) => h('tr', { 'data-case': c.caseNo },
    h('td', {}, h('a', { href: `#/case/${encodeURIComponent(c.caseNo)}`, class: 'case-link' }, c.caseNo)),
    h('td', {}, typeName(c.type)), h('td', {}, label(labels().statuses, c.status)), h('td', {}, c.priority || '—'),
    h('td', {}, label(labels().groups, c.department)), h('td', {}, c.building || '—'), h('td', {}, c.unit || '—'),
    h('td', {}, categoryName(c.type, c.category)), h('td', {}, formatTime(c.createdAt)),
    h('td', { class: c.breaches > 0 ? 'num breached' : 'num' }, c.breaches), h('td', {}, c.drill ? '演练' : '')));
  results.replaceChildren(
    h('p', { class: 'muted', id: 'search-count' }, `共 ${found.length} 条${found.length >= 1000 ? '（最多显示 1000 条，请缩小范围）' : ''}`),
    found.length === 0 ? h('p', {}, '没有符合条件的事项。') : h('div', { class: 'table-wrap' }, h('table', { id: 'search-table' },
      h('thead', {}, h('tr', {}, ['事项编号', '类型', '状态', '优先级', '部门', '楼栋', '房号', '类别', '受理时间', '超时次数', '备注']
        .map((t) => h('th', {}, t)))),
      h('tbody', {}, rows))));
}

// ---- one case ---------------------------------------------------------------------------------------

/** Text with every case number in it turned into a link to that case's page. */
function withCaseLinks(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(CASE_NO)) {
    parts.push(text.slice(last, match.index));
    parts.push(h('a', { href: `#/case/${encodeURIComponent(match[0])}`, class: 'case-link' }, match[0]));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function processTitle(diagram) {
  return `${diagram.processName || diagram.processKey}（${diagram.processKey} 第 ${diagram.version} 版）· `
    + `${label(PROCESS_STATES, diagram.state)} · ${formatTime(diagram.startedAt)}`;
}

async function renderCase(caseNo) {
  show(h('p', { class: 'muted' }, '正在加载……'));
  const [timeline, diagrams, summary] = await Promise.all([
    getJson(`/api/audit/cases/${encodeURIComponent(caseNo)}/timeline`),
    getJson(`/api/audit/cases/${encodeURIComponent(caseNo)}/diagram`),
    getJson(`/api/audit/cases?caseNo=${encodeURIComponent(caseNo)}`),
  ]);
  const c = summary[0];
  const facts = c ? h('dl', { class: 'facts', id: 'case-facts' },
    [['类型', typeName(c.type)], ['状态', label(labels().statuses, c.status)], ['优先级', c.priority || '—'],
      ['部门', label(labels().groups, c.department)], ['楼栋 / 房号', `${c.building || '—'} / ${c.unit || '—'}`],
      ['类别', categoryName(c.type, c.category)], ['受理时间', formatTime(c.createdAt)], ['超时次数', String(c.breaches)]]
      .concat(c.drill ? [['演练', '是（不计入时限统计）']] : [])
      .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))) : null;

  const picker = h('select', { id: 'diagram-picker', 'aria-label': '流程实例' },
    diagrams.map((d, i) => h('option', { value: i }, processTitle(d))));
  const canvas = h('div', { class: 'diagram', id: 'diagram' });
  const legend = h('p', { class: 'legend' },
    h('span', { class: 'swatch taken' }), '已走过的步骤和连线　',
    h('span', { class: 'swatch active' }), '尚未结束的步骤　',
    '（拖动平移，滚轮缩放）');

  const filter = h('select', { id: 'timeline-filter', 'aria-label': '显示' },
    h('option', { value: '' }, '全部记录'),
    Object.entries(KINDS).map(([code, text]) => h('option', { value: code }, text)));
  const body = h('tbody', {});
  const fill = () => {
    const kind = filter.value;
    body.replaceChildren(...timeline.filter((line) => !kind || kindOf(line) === kind).map((line) =>
      h('tr', { class: `kind-${kindOf(line)}`, 'data-what': line.what },
        h('td', { class: 'time' }, formatTime(line.at)),
        h('td', {}, sourceName(line.source)),
        h('td', {}, describe(line.what)),
        h('td', { class: 'who' }, whoOf(line)),
        h('td', { class: 'detail' }, withCaseLinks(line.detail || '')))));
  };
  filter.addEventListener('change', fill);
  fill();

  show(
    h('p', {}, h('a', { href: '#/search' }, '← 返回查询')),
    h('h1', { id: 'case-title' }, `事项 ${caseNo}`),
    facts,
    h('section', {}, h('h2', {}, '流程图'), picker, legend, canvas),
    h('section', {},
      h('h2', {}, '时间线'),
      h('p', { class: 'muted' }, `共 ${timeline.length} 条，按时间排列。显示：`, filter),
      h('div', { class: 'table-wrap' }, h('table', { id: 'timeline' },
        h('thead', {}, h('tr', {}, ['时间', '来源', '事件', '人员', '详情'].map((t) => h('th', {}, t)))), body))));

  const draw = async () => {
    const diagram = diagrams[Number(picker.value)];
    if (!diagram || !diagram.xml) {
      canvas.replaceChildren(h('p', { class: 'muted' }, diagram
        ? '该流程的部署已被删除，流程图无法显示；时间线仍完整。' : '没有流程实例。'));
      return;
    }
    try {
      viewer = await drawDiagram(canvas, diagram, viewer);
    } catch (error) {
      canvas.replaceChildren(h('p', { class: 'error' }, `流程图无法显示：${error.message}`));
    }
  };
  picker.addEventListener('change', draw);
  await draw();
}

// ---- SLA report -------------------------------------------------------------------------------------

function groupName(dimension, value) {
  if (dimension === 'type') return typeName(value);
  if (dimension === 'department') return label(labels().groups, value);
  if (dimension === 'shift') return label(SHIFTS, value);
  if (dimension === 'priority') return priorityName(value);
  if (dimension === 'building') return value === '—' ? '—' : `${value} 号楼`;
  return value;
}

function minutes(value) {
  return value === null || value === undefined ? '—' : String(value);
}

async function renderReport(params) {
  const today = new Date();
  const from = params.get('from') || isoDate(new Date(today.getFullYear(), today.getMonth(), 1));
  const to = params.get('to') || previousDay(isoDate(new Date(today.getFullYear(), today.getMonth() + 1, 1)));
  const groupBy = (params.get('groupBy') ?? 'department,shift').split(',').filter(Boolean);

  const month = h('input', { type: 'month', id: 'r-month', value: from.slice(0, 7) });
  const fromInput = h('input', { type: 'date', id: 'r-from', name: 'from', value: from, required: true });
  const toInput = h('input', { type: 'date', id: 'r-to', name: 'to', value: to, required: true });
  month.addEventListener('change', () => {
    if (!month.value) return;
    const [y, m] = month.value.split('-').map(Number);
    fromInput.value = isoDate(new Date(y, m - 1, 1));
    toInput.value = previousDay(isoDate(new Date(y, m, 1)));
  });
  const boxes = Object.entries(DIMENSIONS).map(([code, text]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'groupBy', value: code, id: `r-group-${code}`, checked: groupBy.includes(code) }),
    text));
  const form = h('form', { class: 'filters', id: 'report-form' },
    field('月份', month), field('从', fromInput), field('到（含）', toInput),
    h('fieldset', { class: 'group-by' }, h('legend', {}, '分组'), boxes),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'report-submit' }, '查询'),
      h('button', { type: 'button', class: 'secondary', id: 'report-csv' }, '导出 CSV')));
  const chosen = () => boxes.map((b) => b.firstChild).filter((b) => b.checked).map((b) => b.value).join(',');
  const apiQuery = (f, t, g) => `from=${f}&to=${nextDay(t)}&groupBy=${g}`;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/report?from=${fromInput.value}&to=${toInput.value}&groupBy=${chosen()}`, route);
  });
  form.querySelector('#report-csv').addEventListener('click', () => {
    download(`/api/audit/reports/sla?${apiQuery(fromInput.value, toInput.value, chosen())}&format=csv`,
      `sla-${fromInput.value}-${toInput.value}.csv`).catch(failure);
  });
  const output = h('section', { id: 'report-output' }, h('p', { class: 'muted' }, '正在统计……'));
  show(h('h1', {}, '服务时限报表'),
    h('p', { class: 'muted' }, '按计时开始时间统计所选期间的时限（演练不计入）；班次按计时开始时刻划分。'), form, output);

  const [rows, byDepartment, byShift] = await Promise.all([
    getJson(`/api/audit/reports/sla?${apiQuery(from, to, groupBy.join(','))}`),
    getJson(`/api/audit/reports/sla?${apiQuery(from, to, 'department')}`),
    getJson(`/api/audit/reports/sla?${apiQuery(from, to, 'shift')}`),
  ]);
  const bars = (data, dimension) => data.map((r) => ({
    label: groupName(dimension, r.group[dimension]), rate: r.breachRate, breached: r.breached, clocks: r.clocks,
  }));
  const headers = groupBy.map((d) => DIMENSIONS[d]).concat(['事项数', '计时数', '超时数', '超时率', '首次响应中位数（分钟）',
    '首次响应 P90（分钟）', '解决用时中位数（分钟）', '解决用时 P90（分钟）', '各时限超时']);
  const table = h('table', { id: 'report-table' },
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      groupBy.map((d) => h('td', {}, groupName(d, r.group[d]))),
      h('td', { class: 'num' }, r.cases), h('td', { class: 'num' }, r.clocks),
      h('td', { class: r.breached > 0 ? 'num breached' : 'num' }, r.breached),
      h('td', { class: 'num rate' }, percent(r.breachRate)),
      h('td', { class: 'num' }, minutes(r.firstResponseMedianMinutes)), h('td', { class: 'num' }, minutes(r.firstResponseP90Minutes)),
      h('td', { class: 'num' }, minutes(r.resolutionMedianMinutes)), h('td', { class: 'num' }, minutes(r.resolutionP90Minutes)),
      h('td', {}, Object.entries(r.breachesBySla).map(([sla, n]) => `${label(labels().slas, sla)} ${n}`).join('、') || '—')))));
  output.replaceChildren(
    h('div', { class: 'charts' },
      h('div', { id: 'chart-department' }, breachChart('各部门超时率', bars(byDepartment, 'department'))),
      h('div', { id: 'chart-shift' }, breachChart('白班 / 夜班超时率', bars(byShift, 'shift')))),
    h('h2', {}, `${from} 至 ${to}`),
    rows.length === 0 ? h('p', {}, '所选期间没有计时记录。') : h('div', { class: 'table-wrap' }, table));
}

document.getElementById('logout').addEventListener('click', () => {
  logOut();
  me = null;
  location.hash = '#/search';
  renderLogin('已退出。');
});
window.addEventListener('hashchange', route);
route();
