import { getJson, sendJson } from '../api.js';
import { h } from '../dom.js';

// The frame around the browser editors of the managers' console: it opens the latest version of a process, decision
// table or form in its editor (each editor is loaded only when opened), validates what was edited — the checks that run
// in the browser, the deployment guard and PropDesk's own diagram rules on the server — marks the problems on their
// elements, and deploys through the same preview, comparison and note as an uploaded file.

const KIND_NAMES = { process: '流程', decision: '决策表', form: '表单' };
const FILES = { process: /\.bpmn(20\.xml)?$/, decision: /\.dmn(11\.xml)?$/, form: /\.form$/ };
const SOURCES = { guard: '部署检查', rules: 'PropDesk 规则', lint: '建模规范' };
const LEVELS = { error: '错误', warning: '提醒' };

/** The editor on screen, asked before the page leaves it. */
let open = null;

/** Loads an editor's stylesheet and module; each is its own file of the build, fetched the first time it is needed. */
async function editorModule(kind) {
  const href = `edit-${kind}.css`;
  if (!document.querySelector(`link[href="${href}"]`)) {
    const link = h('link', { rel: 'stylesheet', href });
    const loaded = new Promise((resolve) => {
      link.addEventListener('load', resolve);
      // an editor without styles of its own has no stylesheet
      link.addEventListener('error', resolve);
    });
    document.head.append(link);
    await loaded;
  }
  switch (kind) {
    case 'process': return import('./edit/process.js');
    case 'decision': return import('./edit/decision.js');
    default: return import('./edit/form.js');
  }
}

/** Whether the page may leave the editor: nothing changed since it was opened or deployed, or the user agrees. */
export function mayLeaveEditor() {
  if (!open || !open.unsaved()) return true;
  return window.confirm('编辑的内容还没有部署，离开后修改会丢失。确定离开吗？');
}

/** Closes the editor on screen, if any. */
export function closeEditor() {
  if (open) {
    open.editor.destroy();
    open = null;
  }
}

window.addEventListener('beforeunload', (event) => {
  if (open && open.unsaved()) {
    event.preventDefault();
    event.returnValue = '';
  }
});

/**
 * The editor page, {@code #/edit?kind=&key=}.
 * @param context what the console lends the frame: {@code me}, {@code show(...nodes)}, {@code notice(box, text, isError)},
 *   {@code previewView(box, fileName, content, answer, onDeployed)} and {@code current()} (whether the route is still
 *   the one on screen)
 */
export async function renderEditor(params, context) {
  const { me, show, notice, previewView, current } = context;
  const kind = params.get('kind');
  const key = params.get('key') || '';
  if (!KIND_NAMES[kind]) {
    show(h('h1', {}, '编辑'), h('p', { class: 'notice error', id: 'edit-error' }, '请从“流程与版本”选择要编辑的流程、决策表或表单。'));
    return;
  }
  if (!me.canChange) {
    show(h('h1', {}, '编辑'), h('p', { class: 'notice error', id: 'read-only' }, '审计为只读，不能编辑。'));
    return;
  }
  const [definitions, catalogue] = await Promise.all([getJson('/api/manage/definitions'), getJson('/api/manage/editor/catalogue')]);
  const definition = definitions.find((d) => d.kind === kind && d.key === key);
  if (!definition) {
    show(h('h1', {}, '编辑'), h('p', { class: 'notice error', id: 'edit-error' }, `没有${KIND_NAMES[kind]} ${key}。`));
    return;
  }
  if (kind === 'process' && !catalogue.processes.some((p) => p.key === key)) {
    show(h('h1', {}, '编辑'), h('p', { class: 'notice error', id: 'edit-error' },
      `流程 ${key} 是 PropDesk 的内部流程，只随程序发布，不能在这里编辑。`));
    return;
  }
  const latest = definition.versions.find((v) => v.latest);
  const files = await getJson(`/api/manage/definitions/${kind}/${encodeURIComponent(key)}/versions/${latest.version}/files`);
  const file = files.find((f) => FILES[kind].test(f.fileName));
  const module = await editorModule(kind);
  if (!current()) return;

  const container = h('div', { id: 'editor', class: `editor editor-${kind}` });
  const validation = h('div', { id: 'edit-validation' });
  const deployBox = h('div', { id: 'edit-deploy-box' });
  const validate = h('button', { type: 'button', id: 'edit-validate', class: 'secondary' }, '验证');
  const deploy = h('button', { type: 'button', id: 'edit-deploy', 'data-change': 'deploy' }, '部署…');
  const save = h('button', { type: 'button', id: 'edit-download', class: 'secondary' }, '下载文件');
  const form = kind === 'form' ? catalogue.forms.find((f) => f.id === key) : null;
  const title = form && form.title !== key ? form.title : definition.name || key;
  show(h('h1', { id: 'edit-title' }, `编辑${KIND_NAMES[kind]}：${title}（${key}）`),
    h('p', { class: 'muted', id: 'edit-base' }, `基于第 ${latest.version} 版。修改在部署前只在这个页面上；部署先经检查和对比，填写变更说明后成为新版本。`),
    h('div', { class: 'edit-toolbar' }, validate, deploy, save),
    container, validation, deployBox);

  // the editors are bundles of their own: they call the API through the console's module, which holds the login
  const api = { getJson, sendJson };
  const editor = await module.open(container, { kind, key, fileName: file.fileName, content: file.content, catalogue, api });
  // leaving right after a deployment loses nothing; any use of the editor after it may have changed something again
  let deployedSinceUse = false;
  for (const type of ['input', 'keydown', 'pointerup', 'drop']) {
    container.addEventListener(type, () => { deployedSinceUse = false; }, true);
  }
  const state = { editor, unsaved: () => editor.isDirty() && !deployedSinceUse };
  closeEditor();
  open = state;

  const check = async () => {
    const content = await editor.getContent();
    const [local, server] = await Promise.all([editor.lint(), sendJson('POST', '/api/manage/validation', { fileName: file.fileName, content })]);
    const problems = [...server.problems, ...local];
    editor.showProblems(problems);
    problemsView(validation, problems, editor);
    return { content, problems };
  };

  validate.addEventListener('click', async () => {
    deployBox.replaceChildren();
    try {
      await check();
    } catch (error) {
      notice(validation, error.message, true);
    }
  });

  deploy.addEventListener('click', async () => {
    if (!editor.isDirty()) {
      // saved again, the file would differ from the live one in layout only, and still become a new version
      notice(deployBox, `没有修改：第 ${latest.version} 版仍是最新版本，不需要部署。`);
      deployBox.firstChild.id = 'edit-unchanged';
      return;
    }
    deployBox.replaceChildren(h('p', { class: 'muted' }, '正在检查……'));
    try {
      const { content, problems } = await check();
      const errors = problems.filter((p) => p.level === 'error').length;
      if (errors > 0) {
        notice(deployBox, `有 ${errors} 个错误，改正后才能部署（见上方验证结果）。`, true);
        deployBox.firstChild.id = 'edit-refused';
        return;
      }
      const answer = await sendJson('POST', '/api/manage/deployments/preview', { fileName: file.fileName, content });
      await previewView(deployBox, file.fileName, content, answer, () => {
        deployedSinceUse = true;
      });
    } catch (error) {
      notice(deployBox, error.message, true);
    }
  });

  save.addEventListener('click', async () => {
    const content = await editor.getContent();
    const url = URL.createObjectURL(new Blob([content], { type: kind === 'form' ? 'application/json' : 'application/xml' }));
    const link = h('a', { href: url, download: file.fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
}

function problemsView(box, problems, editor) {
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  const summary = problems.length === 0
    ? h('p', { class: 'notice', id: 'edit-valid', role: 'status' }, '验证通过：部署检查允许，没有发现问题。')
    : h('p', { class: errors ? 'notice error' : 'notice', id: 'edit-invalid', role: errors ? 'alert' : 'status' },
      `验证发现 ${errors} 个错误、${warnings} 个提醒${errors ? '，改正错误后才能部署' : ''}。`);
  const list = h('ul', { id: 'edit-problems', class: 'problems' }, problems.map((p) => h('li', {
    'data-element-id': p.elementId, 'data-source': p.source, 'data-level': p.level, class: p.level,
  },
  h('span', { class: `badge ${p.level === 'error' ? 'removed' : 'changed'}` }, LEVELS[p.level] || p.level),
  h('span', { class: 'badge' }, SOURCES[p.source] || p.source),
  ' ',
  p.elementId
    ? h('button', { type: 'button', class: 'link element', onclick: () => editor.select(p.elementId) }, p.elementId)
    : null,
  p.elementId ? '：' : '',
  p.message)));
  box.replaceChildren(summary, problems.length ? list : '');
}
