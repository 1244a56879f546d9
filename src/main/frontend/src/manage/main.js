import './manage.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';
import { fitDiagram } from '../diagram.js';
import { ApiError, download, getJson, keepLoginAs, logOut, loggedIn, sendJson } from '../api.js';
import { append, formatMinute, h, table } from '../dom.js';
import { loginForm } from '../login.js';
import { navigate, parseHash } from '../router.js';
import { closeEditor, mayLeaveEditor, renderEditor } from './editing.js';

// The managers' console: every process, decision table and form with its versions, comparing two versions,
// deploying a file after its preview, rolling back, moving running cases, incidents and the export. Everything comes
// from PropDesk's API with the user's own login; data only ever goes in as text. An auditor reads everything and is
// offered no control that changes anything (the API refuses them anyway).
keepLoginAs('propdesk.manage.basic');

const main = document.getElementById('main');
const KINDS = { process: '流程', decision: '决策表', form: '表单' };
const POLL_MS = 1000;
let me = null;
// the latest route: an earlier one that fails or polls after the user moved on has nothing left to show on
let routing = 0;
// the address on screen, to go back to when the user stays in an editor with changes
let shown = location.hash;
// the case processes, the only ones a person may edit and deploy (PropDesk's internal processes come with the program)
let editableProcesses = null;

function show(...nodes) {
  main.replaceChildren();
  append(main, nodes);
}

function refusal(error) {
  return `没有权限使用流程管理页面：${error.message}`;
}

function failure(error) {
  if (error instanceof ApiError && (error.status === 401 || (error.status === 403 && !me))) {
    logOut();
    me = null;
    renderLogin(error.status === 401 ? '登录已失效，请重新登录。' : refusal(error));
    return;
  }
  show(h('p', { class: 'error', role: 'alert', id: 'page-error' }, error.message || String(error)));
}

/** A message in place of the one before: a success, or a refusal in Chinese. */
function notice(box, text, isError = false) {
  box.replaceChildren(h('p', { class: isError ? 'notice error' : 'notice', role: isError ? 'alert' : 'status' }, text));
}

async function whoAmI() {
  me = await getJson('/api/manage/me');
  document.getElementById('who').textContent = `${me.userId}（${me.groups.join('、')}${me.canChange ? '' : '，只读'}）`;
  document.getElementById('nav-deploy').hidden = !me.canChange;
  document.getElementById('export').hidden = !me.canChange;
}

async function route() {
  if (location.hash !== shown && !mayLeaveEditor()) {
    history.replaceState(null, '', shown || '#/');
    return;
  }
  shown = location.hash;
  closeEditor();
  const mine = ++routing;
  document.getElementById('nav').hidden = !loggedIn();
  if (!loggedIn()) {
    renderLogin();
    return;
  }
  try {
    if (!me) await whoAmI();
    document.getElementById('nav').hidden = false;
    const { path, params } = parseHash('/');
    show(h('p', { class: 'muted', id: 'page-loading' }, '正在加载……'));
    if (path === '/compare') {
      await renderCompare(params, mine);
    } else if (path === '/deploy') {
      renderDeploy();
    } else if (path === '/migrate') {
      await renderMigrate(params, mine);
    } else if (path === '/incidents') {
      await renderIncidents();
    } else if (path === '/edit') {
      await renderEditor(params, { me, show, notice, previewView, current: () => mine === routing });
    } else {
      await renderVersions(mine);
    }
  } catch (error) {
    if (mine === routing) failure(error);
  }
}

function renderLogin(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').textContent = '';
  const login = loginForm({
    title: '流程管理登录',
    hint: '限管理层（可部署、回滚、迁移、处理故障）和审计（只读）。使用与 Camunda Cockpit 相同的账号和密码。',
    message,
    enter: async () => {
      me = null;
      await whoAmI();
      await route();
    },
    refused: refusal,
  });
  show(login.form);
  login.focus();
}

/** A dialog that asks for a required note; answers the note, or null when cancelled. */
function askNote(title, text, confirmLabel) {
  return new Promise((resolve) => {
    const note = h('textarea', { id: 'dialog-note', maxlength: 1000, 'aria-required': 'true', 'aria-label': '说明' });
    const problem = h('p', { class: 'field-error error', id: 'dialog-error', hidden: true }, '请填写说明。');
    const dialog = h('dialog', { id: 'note-dialog' },
      h('form', {},
        h('h2', {}, title), h('p', {}, text), h('label', { for: 'dialog-note' }, '说明（必填）'), h('div', {}, note), problem,
        h('div', { class: 'actions' },
          h('button', { type: 'submit', id: 'dialog-confirm' }, confirmLabel),
          h('button', { type: 'button', class: 'secondary', id: 'dialog-cancel', onclick: () => dialog.close('cancel') }, '取消'))));
    dialog.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      if (note.value.trim()) {
        dialog.close('confirm');
      } else {
        problem.hidden = false;
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm' ? note.value.trim() : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    note.focus();
  });
}

// ---- versions ----------------------------------------------------------------------------------------

async function renderVersions(mine) {
  const definitions = await getJson('/api/manage/definitions');
  if (me.canChange && !editableProcesses) {
    editableProcesses = new Set((await getJson('/api/manage/editor/catalogue')).processes.map((p) => p.key));
  }
  if (mine !== routing) return;
  const sections = Object.entries(KINDS).flatMap(([kind, kindName]) => [
    h('h2', {}, kindName),
    ...definitions.filter((d) => d.kind === kind).map(definitionPanel),
  ]);
  show(h('h1', {}, '流程与版本'),
    h('p', { class: 'muted' }, '最新版本用于新事项；运行中的事项留在它开始时的版本上，除非迁移。'),
    h('div', { id: 'definitions' }, sections));
}

function versionLabel(v) {
  return `第 ${v.version} 版`;
}

function definitionPanel(definition) {
  const { kind, key } = definition;
  const rows = definition.versions.map((v) => h('tr', {
    'data-kind': kind, 'data-key': key, 'data-version': v.version, class: v.latest ? 'latest' : null,
  },
  h('td', {}, versionLabel(v), v.latest ? h('span', { class: 'badge latest' }, '最新') : null),
  h('td', {}, formatMinute(v.deployedAt)),
  h('td', {}, v.deployedBy || '—'),
  h('td', {}, v.sourceLabel || v.source),
  h('td', { class: 'note' }, v.note || '', v.rolledBackTo ? h('span', { class: 'badge' }, `恢复：${v.rolledBackTo}`) : null),
  kind === 'process' ? h('td', { class: 'num running' }, v.runningCases ?? 0) : null,
  h('td', {}, me.canChange && !v.latest
    ? h('button', { type: 'button', class: 'secondary rollback', 'data-change': 'rollback', onclick: () => rollback(definition, v) },
      '回滚到此版本')
    : null)));
  const headers = ['版本', '部署时间', '部署人', '来源', '变更说明', kind === 'process' ? '运行中的事项' : null, '']
    .filter((t) => t !== null);
  const editable = me.canChange && (kind !== 'process' || editableProcesses.has(key));
  return h('section', { class: 'panel definition', 'data-kind': kind, 'data-key': key },
    h('h3', {}, `${definition.name || key}（${key}）`,
      editable ? h('a', { class: 'button secondary edit', id: `edit-${kind}-${key}`, href: `#/edit?kind=${kind}&key=${encodeURIComponent(key)}` },
        '在浏览器中编辑') : null),
    definition.versions.length > 1 ? compareForm(definition) : null,
    table(`versions-${kind}-${key}`, headers, rows, '没有版本'));
}

function versionSelect(definition, name, chosen) {
  return h('select', { name, 'aria-label': name === 'from' ? '旧版本' : '新版本' },
    definition.versions.map((v) => h('option', { value: v.version, selected: v.version === chosen }, versionLabel(v))));
}

function compareForm(definition) {
  const [newest, previous] = definition.versions;
  const from = versionSelect(definition, 'from', previous.version);
  const to = versionSelect(definition, 'to', newest.version);
  const form = h('form', { class: 'inline-form compare-form' }, h('span', {}, '对比'), from, h('span', {}, '与'), to,
    h('button', { type: 'submit', class: 'secondary' }, '对比'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/compare?kind=${definition.kind}&key=${encodeURIComponent(definition.key)}&from=${from.value}&to=${to.value}`, route);
  });
  return form;
}

async function rollback(definition, version) {
  const note = await askNote(`回滚${KINDS[definition.kind]} ${definition.key}`,
    `把第 ${version.version} 版的文件再部署一次，成为新的最新版本。运行中的事项留在原版本上。确定回滚吗？`, '确认回滚');
  if (note === null) return;
  try {
    const result = await sendJson('POST',
      `/api/manage/definitions/${definition.kind}/${encodeURIComponent(definition.key)}/versions/${version.version}/rollback`, { note });
    await route();
    main.prepend(h('p', { class: 'notice', role: 'status', id: 'rollback-done' },
      `已回滚：${result.versions.map((v) => `${KINDS[v.kind]} ${v.key} 第 ${v.version} 版`).join('、')}（内容同第 ${version.version} 版）`));
  } catch (error) {
    main.prepend(h('p', { class: 'notice error', role: 'alert', id: 'rollback-error' }, error.message));
  }
}

// ---- comparing ---------------------------------------------------------------------------------------

async function renderCompare(params, mine) {
  const kind = params.get('kind');
  const key = params.get('key');
  const comparison = await getJson(`/api/manage/compare/${encodeURIComponent(kind)}/${encodeURIComponent(key)}`
    + `?from=${encodeURIComponent(params.get('from'))}&to=${encodeURIComponent(params.get('to'))}`);
  if (mine !== routing) return;
  const box = h('div', { id: 'comparison' });
  show(h('h1', {}, `对比${KINDS[kind] || ''} ${key}：第 ${comparison.from.version} 版 → 第 ${comparison.to.version} 版`),
    h('p', {}, h('a', { href: '#/' }, '返回流程与版本')), box);
  await comparisonView(box, kind, comparison, comparison.from.content, comparison.to.content,
    [`第 ${comparison.from.version} 版`, `第 ${comparison.to.version} 版`]);
}

/** One comparison as the API answers it (the comparison API, or a deployment's preview), drawn for its kind. */
async function comparisonView(box, kind, comparison, before, after, names) {
  if (kind === 'process') {
    await processComparison(box, comparison, before, after, names);
  } else if (kind === 'decision') {
    decisionComparison(box, comparison);
  } else {
    box.append(h('h2', {}, '字段'), elementsTable('form-fields', comparison.fields, '字段'));
  }
}

function changeBadge(element) {
  return h('span', { class: `badge ${element.change}` }, element.changeLabel);
}

function propertiesList(properties) {
  if (!properties || properties.length === 0) return '';
  return h('ul', { class: 'properties' }, properties.map((p) => h('li', { 'data-property': p.property },
    `${p.label}：`, h('span', { class: 'before' }, p.before ?? '（无）'), ' → ', h('span', { class: 'after' }, p.after ?? '（无）'))));
}

function elementsTable(id, elements, what) {
  return table(id, [what, '类型', '变化', '改动的属性'], (elements || []).map((e) => h('tr', { 'data-id': e.id, class: e.change },
    h('td', {}, e.name ? `${e.name}（${e.id}）` : e.id), h('td', {}, e.typeLabel || e.type || ''), h('td', {}, changeBadge(e)),
    h('td', {}, propertiesList(e.properties)))), '没有变化');
}

const DIFF_MARKERS = { added: 'diff-added', removed: 'diff-removed', changed: 'diff-changed' };

/**
 * Both versions' diagrams: the older with what was removed or changed marked, the newer with what was added or changed.
 * bpmn-js-differ compares the two models; what it cannot read (Camunda's own attributes: forms, candidate groups,
 * expressions) the comparison API names, so an element either of them finds changed is marked.
 */
async function processComparison(box, comparison, beforeXml, afterXml, names) {
  const legend = h('p', { class: 'legend' }, h('span', { class: 'badge added' }, '新增'), h('span', { class: 'badge removed' }, '删除'),
    h('span', { class: 'badge changed' }, '修改'));
  const beforeBox = h('div', { class: 'diagram', id: 'diagram-before' });
  const afterBox = h('div', { class: 'diagram', id: 'diagram-after' });
  box.append(legend, h('div', { class: 'diagrams' }, h('h2', {}, `${names[0]}（旧）`), beforeBox, h('h2', {}, `${names[1]}（新）`), afterBox),
    h('h2', {}, '流程节点'), elementsTable('process-elements', comparison.elements, '节点'),
    h('h2', {}, '顺序流'), elementsTable('process-flows', comparison.flows, '顺序流'));
  const before = new NavigatedViewer({ container: beforeBox });
  const after = new NavigatedViewer({ container: afterBox });
  await before.importXML(beforeXml);
  await after.importXML(afterXml);
  const changes = diff(before.getDefinitions(), after.getDefinitions());
  const marks = { before: new Map(), after: new Map() };
  Object.keys(changes._removed).forEach((id) => marks.before.set(id, 'removed'));
  Object.keys(changes._added).forEach((id) => marks.after.set(id, 'added'));
  Object.keys(changes._changed).forEach((id) => { marks.before.set(id, 'changed'); marks.after.set(id, 'changed'); });
  [...(comparison.elements || []), ...(comparison.flows || [])].forEach((e) => {
    if (e.change !== 'added') marks.before.set(e.id, e.change);
    if (e.change !== 'removed') marks.after.set(e.id, e.change);
  });
  mark(before, marks.before, beforeBox);
  mark(after, marks.after, afterBox);
  box.dataset.rendered = 'true';
}

function mark(viewer, marks, container) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const root = canvas.getRootElement();
  marks.forEach((change, id) => {
    const element = registry.get(id);
    if (element && element !== root) canvas.addMarker(element, DIFF_MARKERS[change]);
  });
  fitDiagram(container, canvas);
}

function cells(map) {
  return Object.entries(map || {}).map(([column, value]) => h('div', {}, `${column}：${value}`));
}

function decisionComparison(box, comparison) {
  const rules = (comparison.rules || []).map((r) => h('tr', { 'data-rule': r.id, class: r.change },
    h('td', {}, r.id), h('td', {}, h('span', { class: `badge ${r.change}` }, r.changeLabel)),
    h('td', {}, r.positionBefore ?? '—', ' → ', r.positionAfter ?? '—'),
    h('td', { class: 'before-cells' }, r.change === 'changed'
      ? r.cells.map((c) => h('div', {}, `${c.label}：`, h('span', { class: 'before' }, c.before ?? '（空）'))) : cells(r.before)),
    h('td', { class: 'after-cells' }, r.change === 'changed'
      ? r.cells.map((c) => h('div', {}, `${c.label}：`, h('span', { class: 'after' }, c.after ?? '（空）'))) : cells(r.after))));
  append(box, [
    comparison.table && comparison.table.length ? [h('h2', {}, '表的属性'), h('div', {}, propertiesList(comparison.table))] : [],
    comparison.columns && comparison.columns.length ? [h('h2', {}, '列'), elementsTable('decision-columns', comparison.columns, '列')] : [],
    h('h2', {}, '规则（逐行）'),
    table('decision-rules', ['规则', '变化', '序号', '修改前', '修改后'], rules, '规则没有变化'),
    comparison.orderChanged ? h('p', { class: 'notice error' }, '规则的顺序变了：命中策略为 FIRST 时，顺序决定结果。') : null]);
}

// ---- deploying ---------------------------------------------------------------------------------------

function renderDeploy() {
  if (!me.canChange) {
    show(h('h1', {}, '部署'), h('p', { class: 'notice error', id: 'read-only' }, '审计为只读，不能部署。'));
    return;
  }
  const file = h('input', { type: 'file', id: 'deploy-file', accept: '.bpmn,.dmn,.form', 'data-change': 'deploy' });
  const preview = h('div', { id: 'preview' });
  show(h('h1', {}, '部署新版本'),
    h('p', { class: 'muted' }, '上传 .bpmn、.dmn 或 .form 文件（与 Camunda Modeler 部署的文件相同）。先看部署检查的结论和与当前版本的对比，填写变更说明后再部署。'),
    h('div', { class: 'inline-form' }, h('label', { for: 'deploy-file' }, '文件'), file), preview);
  file.addEventListener('change', async () => {
    preview.replaceChildren(h('p', { class: 'muted' }, '正在检查……'));
    const chosen = file.files[0];
    if (!chosen) {
      preview.replaceChildren();
      return;
    }
    try {
      const content = await chosen.text();
      const answer = await sendJson('POST', '/api/manage/deployments/preview', { fileName: chosen.name, content });
      await previewView(preview, chosen.name, content, answer);
    } catch (error) {
      notice(preview, error.message, true);
    }
  });
}

/** The deploy step of a file: the guard's verdict, what changes, the comparison, then the note and the deployment. */
async function previewView(box, fileName, content, answer, onDeployed = () => {}) {
  box.replaceChildren();
  box.append(h('p', { id: 'verdict', class: answer.allowed ? 'notice' : 'notice error', 'data-allowed': String(answer.allowed) },
    answer.allowed ? '部署检查：允许' : '部署检查：不允许'));
  if (!answer.allowed) {
    box.append(h('ul', { id: 'verdict-reasons' }, answer.reasons.map((r) => h('li', {}, r))));
    return;
  }
  box.append(table('changes', ['类别', '键', '文件', '当前版本', '部署后'], answer.changes.map((c) => h('tr', { 'data-key': c.key },
    h('td', {}, KINDS[c.kind]), h('td', {}, c.key), h('td', {}, c.fileName), h('td', {}, c.currentVersion ? `第 ${c.currentVersion} 版` : '（新）'),
    h('td', {}, c.unchanged ? '内容未变，不部署' : `第 ${c.newVersion} 版`))), ''));
  if (answer.unchanged) {
    box.append(h('p', { class: 'notice', id: 'unchanged' }, '文件与当前最新版本相同，部署不会产生新版本。'));
    return;
  }
  for (const change of answer.changes.filter((c) => c.comparison)) {
    const view = h('div', { class: 'preview-comparison', 'data-key': change.key });
    box.append(h('h2', {}, `与当前版本（第 ${change.currentVersion} 版）对比：${KINDS[change.kind]} ${change.key}`), view);
    const current = change.kind === 'process' ? await currentFile(change) : null;
    await comparisonView(view, change.kind, change.comparison, current, content,
      [`第 ${change.currentVersion} 版（当前）`, `上传的 ${fileName}`]);
  }
  const note = h('textarea', { id: 'deploy-note', maxlength: 1000, 'aria-required': 'true', 'data-change': 'deploy' });
  const result = h('div', { id: 'deploy-result' });
  const form = h('form', { class: 'inline-form', id: 'deploy-form' },
    h('div', { class: 'field' }, h('label', { for: 'deploy-note' }, '变更说明（必填）'), note),
    h('button', { type: 'submit', id: 'deploy-submit', 'data-change': 'deploy' }, '部署'));
  box.append(form, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!note.value.trim()) {
      notice(result, '请填写变更说明：为什么改。', true);
      return;
    }
    try {
      const deployed = await sendJson('POST', '/api/manage/deployments', { fileName, content, note: note.value.trim() });
      form.querySelector('button').disabled = true;
      onDeployed(deployed);
      notice(result, deployed.deployed
        ? `已部署：${deployed.versions.map((v) => `${KINDS[v.kind]} ${v.key} 第 ${v.version} 版`).join('、')}`
        : '文件未变，未部署任何内容。');
      result.append(h('p', {}, h('a', { href: '#/', id: 'to-versions' }, '查看流程与版本')));
    } catch (error) {
      notice(result, error.message, true);
    }
  });
}

async function currentFile(change) {
  const files = await getJson(`/api/manage/definitions/${change.kind}/${encodeURIComponent(change.key)}/versions/${change.currentVersion}/files`);
  return files.find((f) => /\.bpmn(20\.xml)?$/.test(f.fileName)).content;
}

// ---- moving running cases ----------------------------------------------------------------------------

async function renderMigrate(params, mine) {
  const processes = (await getJson('/api/manage/definitions')).filter((d) => d.kind === 'process');
  if (mine !== routing) return;
  const chosenKey = params.get('key') || (processes[0] && processes[0].key);
  const process = h('select', { id: 'migrate-process', 'aria-label': '流程' },
    processes.map((p) => h('option', { value: p.key, selected: p.key === chosenKey }, `${p.name || p.key}（${p.key}）`)));
  const from = h('select', { id: 'migrate-from', 'aria-label': '原版本' });
  const to = h('select', { id: 'migrate-to', 'aria-label': '目标版本' });
  const fill = () => {
    const definition = processes.find((p) => p.key === process.value);
    const versions = definition ? definition.versions : [];
    const running = versions.find((v) => !v.latest && v.runningCases > 0);
    from.replaceChildren(...versions.map((v) => h('option', { value: v.version }, `${versionLabel(v)}（运行中 ${v.runningCases ?? 0}）`)));
    to.replaceChildren(...versions.map((v) => h('option', { value: v.version }, `${versionLabel(v)}${v.latest ? '（最新）' : ''}`)));
    from.value = params.get('from') || String((running || versions[versions.length - 1] || {}).version || '');
    to.value = params.get('to') || String((versions[0] || {}).version || '');
  };
  fill();
  process.addEventListener('change', fill);
  const planBox = h('div', { id: 'plan' });
  const form = h('form', { class: 'inline-form', id: 'migrate-form' },
    h('div', { class: 'field' }, h('span', {}, '流程'), process),
    h('div', { class: 'field' }, h('span', {}, '从'), from),
    h('div', { class: 'field' }, h('span', {}, '迁到'), to),
    h('button', { type: 'submit', id: 'plan-submit' }, '查看迁移计划'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = { processKey: process.value, fromVersion: Number(from.value), toVersion: Number(to.value) };
    planBox.replaceChildren(h('p', { class: 'muted' }, '正在生成迁移计划……'));
    try {
      planView(planBox, request, await sendJson('POST', '/api/manage/migrations/plan', request));
    } catch (error) {
      notice(planBox, error.message, true);
    }
  });
  show(h('h1', {}, '迁移运行中的事项'),
    h('p', { class: 'muted' }, '把进行中的事项移到同一流程的另一个版本：先看引擎的迁移计划，再试运行（不做任何更改），然后执行。'),
    form, planBox);
}

function activityName(a) {
  return a ? `${a.name || a.id}（${a.id}）` : '—';
}

function casesTable(id, reports) {
  return table(id, ['事项', '当前步骤', '能否迁移', '原因', '保持原到期时间的定时器'], reports.map((c) => h('tr', {
    'data-case': c.caseNo, class: c.movable ? 'movable' : 'blocked',
  },
  h('td', {}, c.caseNo), h('td', {}, c.activities.map(activityName).join('、')),
  h('td', {}, c.movable ? '可以迁移' : h('span', { class: 'error' }, '不能迁移')),
  h('td', {}, c.reasons.map((r) => h('div', { title: r.original || '' }, r.text))),
  h('td', {}, c.timers.map((t) => h('div', {}, `${activityName(t.activity)}：${formatMinute(t.dueAt)}`))))), '该版本没有进行中的事项');
}

function planView(box, request, plan) {
  const dryBox = h('div', { id: 'dry-run-result' });
  const executeBox = h('div', { id: 'execute' });
  const dryRun = h('button', { type: 'button', class: 'secondary', id: 'dry-run' }, '试运行');
  dryRun.addEventListener('click', async () => {
    try {
      const tried = await sendJson('POST', '/api/manage/migrations/dry-run', request);
      notice(dryBox, `试运行完成（未做任何更改）：${tried.movable} 个事项可以迁移，${tried.blocked} 个不能迁移。`);
      dryBox.append(casesTable('dry-run-cases', tried.cases));
    } catch (error) {
      notice(dryBox, error.message, true);
    }
  });
  box.replaceChildren(
    h('h2', {}, `计划：${plan.processKey} 第 ${plan.from.version} 版 → 第 ${plan.to.version} 版`),
    h('p', { id: 'plan-summary' }, `进行中的事项 ${plan.running} 个：${plan.movable} 个可以迁移，${plan.blocked} 个不能迁移。`),
    h('h2', {}, '步骤对应'),
    table('plan-instructions', ['旧版本的步骤', '新版本的步骤', '事件触发'], plan.instructions.map((i) => h('tr', { 'data-source': i.source.id },
      h('td', {}, activityName(i.source)), h('td', {}, activityName(i.target)),
      h('td', {}, i.updateEventTrigger ? '按新版本更新' : '保持'))), '没有对应的步骤'),
    h('h2', {}, '新版本中没有对应的步骤'),
    plan.unmapped.length ? h('ul', { id: 'plan-unmapped' }, plan.unmapped.map((a) => h('li', { 'data-id': a.id }, activityName(a))))
      : h('p', { class: 'muted', id: 'plan-unmapped' }, '无'),
    h('h2', {}, '定时器（保持原到期时间）'),
    table('plan-timers', ['旧版本', '新版本', '原定时', '新定时', '说明'], plan.timers.map((t) => h('tr', {},
      h('td', {}, activityName(t.source)), h('td', {}, activityName(t.target)), h('td', {}, t.before || ''), h('td', {}, t.after || ''),
      h('td', {}, t.note || ''))), '没有对应的定时器'),
    h('h2', {}, '进行中的事项'),
    casesTable('plan-cases', plan.cases),
    h('div', { class: 'actions' }, dryRun), dryBox, executeBox);
  if (me.canChange && plan.movable > 0) executeForm(executeBox, request);
}

function executeForm(box, request) {
  const note = h('textarea', { id: 'migrate-note', maxlength: 1000, 'aria-required': 'true', 'data-change': 'migrate' });
  const result = h('div', { id: 'migrate-result' });
  const form = h('form', { class: 'inline-form', id: 'execute-form' },
    h('div', { class: 'field' }, h('label', { for: 'migrate-note' }, '迁移说明（必填）'), note),
    h('button', { type: 'submit', id: 'migrate-submit', 'data-change': 'migrate' }, '执行迁移'));
  box.append(h('h2', {}, '执行'), form, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!note.value.trim()) {
      notice(result, '请填写迁移说明。', true);
      return;
    }
    try {
      const submitted = await sendJson('POST', '/api/manage/migrations', { ...request, note: note.value.trim() });
      form.querySelector('button').disabled = true;
      notice(result, `已提交批次 ${submitted.batchId}：迁移 ${submitted.caseNos.join('、')}`);
      if (submitted.excluded.length) {
        result.append(h('p', {}, '以下事项不能迁移，未包含在批次中：'), casesTable('excluded-cases', submitted.excluded));
      }
      const progress = h('div', { id: 'progress' });
      result.append(h('h2', {}, '进度'), progress);
      poll(progress, submitted.batchId, routing);
    } catch (error) {
      notice(result, error.message, true);
    }
  });
}

async function poll(box, batchId, mine) {
  if (mine !== routing) return;
  try {
    const p = await getJson(`/api/manage/migrations/${encodeURIComponent(batchId)}`);
    if (mine !== routing) return;
    const width = p.total ? Math.round((100 * p.done) / p.total) : 0;
    box.dataset.finished = String(p.finished);
    box.replaceChildren();
    append(box, [
      h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': width, 'aria-valuemin': 0, 'aria-valuemax': 100 },
        h('div')),
      h('p', { id: 'progress-text' }, `${p.finished ? '已完成' : '进行中'}：作业 ${p.done}/${p.total}，失败 ${p.failed}`),
      table('progress-cases', ['事项', '状态'], p.cases.map((c) => h('tr', { 'data-case': c.caseNo, 'data-state': c.state },
        h('td', {}, c.caseNo), h('td', {}, c.stateLabel))), ''),
      p.failedJobs.length ? [h('h3', {}, '失败的迁移'), h('ul', { id: 'failed-jobs' },
        p.failedJobs.map((f) => h('li', { title: f.original || '' }, f.error)))] : null]);
    box.querySelector('.progress div').style.width = `${width}%`;
    if (!p.finished) setTimeout(() => poll(box, batchId, mine), POLL_MS);
  } catch (error) {
    notice(box, error.message, true);
  }
}

// ---- incidents ---------------------------------------------------------------------------------------

async function renderIncidents() {
  const incidents = await getJson('/api/manage/incidents');
  const result = h('div', { id: 'incident-result' });
  const rows = incidents.map((i) => h('tr', { 'data-incident': i.id, 'data-case': i.caseNo || '' },
    h('td', {}, formatMinute(i.since)), h('td', {}, i.processName || i.process), h('td', {}, i.caseNo || '—'),
    h('td', {}, i.activityName || i.activityId), h('td', {}, i.typeLabel || i.type),
    h('td', { class: 'incident-error' }, i.error, i.originalError ? h('div', { class: 'muted' }, i.originalError) : null),
    h('td', { class: 'num' }, i.retriesLeft ?? '—'),
    h('td', {}, me.canChange ? incidentAction(i, result) : null)));
  show(h('h1', {}, '故障'), h('p', { class: 'muted' }, '流程中未解决的故障（如回调渠道系统的重试用尽）。修好原因后重试；不是作业失败的故障，处理后标记为已解决。'),
    result, table('incidents', ['发生时间', '流程', '事项', '步骤', '类型', '错误', '剩余重试', ''], rows, '没有未解决的故障'));
}

function incidentAction(incident, result) {
  if (incident.action === 'retry') {
    return h('button', { type: 'button', class: 'retry', 'data-change': 'retry', onclick: async () => {
      try {
        await sendJson('POST', `/api/manage/incidents/${encodeURIComponent(incident.id)}/retry`);
        await renderIncidents();
        notice(document.getElementById('incident-result'), `已安排重试：${incident.caseNo || incident.id}，${incident.activityName || ''}`);
      } catch (error) {
        notice(result, error.message, true);
      }
    } }, '重试');
  }
  return h('button', { type: 'button', class: 'secondary resolve', 'data-change': 'resolve', onclick: async () => {
    const note = await askNote('标记故障已解决', `${incident.caseNo || ''} ${incident.activityName || ''}：${incident.error}`, '标记已解决');
    if (note === null) return;
    try {
      await sendJson('POST', `/api/manage/incidents/${encodeURIComponent(incident.id)}/resolve`, { note });
      await renderIncidents();
      notice(document.getElementById('incident-result'), '已标记为已解决。');
    } catch (error) {
      notice(result, error.message, true);
    }
  } }, '标记已解决');
}

// ---- start -------------------------------------------------------------------------------------------

document.getElementById('logout').addEventListener('click', () => {
  logOut();
  me = null;
  location.hash = '';
  renderLogin();
});
document.getElementById('export').addEventListener('click', () => {
  download('/api/manage/export', 'propdesk-live.zip', { method: 'POST', accept: 'application/zip' }).catch(failure);
});
window.addEventListener('hashchange', route);
route();
