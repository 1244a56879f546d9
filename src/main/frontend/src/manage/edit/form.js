import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './form/form.css';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import { h } from '../../dom.js';
import { COMPONENTS, translate } from './form/labels.js';
import { lint, problemStyles } from './form/problems.js';

// The form editor of the managers' console: the form-js editor (1.10.1, whose schemaVersion 16 Tasklist 7.24 renders)
// offering only the components PropDesk's form guard allows, in Chinese, beside a preview rendered by the same viewer
// Tasklist uses, filled with a sample case's header.

/** What a task of a running case shows in the header fields most forms share. */
const SAMPLE_CASE = {
  caseNo: 'R-20261130-0001',
  building: 'B3',
  buildingOptions: [{ value: 'B3', label: '3 号楼' }],
  unit: '1502',
  reporterName: '王女士',
  reporterPhone: '13800000000',
  description: '厨房水龙头漏水（示例数据）',
};

/**
 * Limits the editor's components to those the guard allows and names them in Chinese. Each allowed field is registered
 * again under its own type with a copy of its config, so the viewer's shared field definitions stay as they are.
 */
function PropDeskFields(formFields) {
  for (const type of Object.keys(formFields._formFields)) {
    if (type === 'default') continue;
    const field = formFields.get(type);
    if (!COMPONENTS[type]) {
      delete formFields._formFields[type];
      continue;
    }
    const named = (props) => field(props);
    named.config = { ...field.config, label: COMPONENTS[type] };
    if (field.config.keyed) {
      // form-js makes up a key of random letters and digits, which may start with a digit the guard refuses
      named.config.create = (options = {}) => field.config.create({
        key: `${type}${Math.random().toString(36).slice(2, 8)}`, ...options });
    }
    formFields.register(type, named);
  }
}
PropDeskFields.$inject = ['formFields'];

/**
 * Leaves out of the properties panel what the guard refuses (custom properties, the form's version tag) and opens the
 * general group, where a field's label and key are.
 */
function PropDeskProperties(propertiesPanel) {
  propertiesPanel.registerProvider({
    getGroups: () => (groups) => groups
      .filter((group) => group.id !== 'custom-values')
      .map((group) => ({
        ...group,
        ...(group.entries ? { entries: group.entries.filter((entry) => entry.id !== 'versionTag') } : {}),
        ...(group.id === 'general' ? { shouldOpen: true } : {}),
      })),
  }, 100);
}
PropDeskProperties.$inject = ['propertiesPanel'];

const PropDeskModule = {
  __init__: ['propDeskFields', 'propDeskProperties'],
  propDeskFields: ['type', PropDeskFields],
  propDeskProperties: ['type', PropDeskProperties],
};

export async function open(container, { content }) {
  const schema = JSON.parse(content);
  const canvas = h('div', { class: 'form-editor', id: 'form-editor' });
  const marks = h('style', {});
  const previewBox = h('div', { class: 'form-preview-canvas', id: 'form-preview' });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'form-preview-refresh' }, '刷新预览');
  const previewError = h('p', { class: 'notice error', id: 'form-preview-error', hidden: true });
  container.replaceChildren(marks, canvas, h('section', { class: 'form-preview' },
    h('div', { class: 'form-preview-head' }, h('h2', {}, '预览'),
      h('span', { class: 'muted' }, '按 Tasklist 的显示方式，填入示例事项的数据'), refresh),
    previewError, previewBox));

  const stopTranslating = translate(canvas);
  const editor = new FormEditor({ container: canvas, exporter: schema.exporter, additionalModules: [PropDeskModule] });
  await editor.importSchema(schema);
  const text = () => `${JSON.stringify(editor.saveSchema(), null, 2)}\n`;
  const opened = text();

  const viewer = new Form({ container: previewBox });
  const preview = async () => {
    try {
      await viewer.importSchema(editor.saveSchema(), SAMPLE_CASE);
      previewError.hidden = true;
    } catch (error) {
      previewError.textContent = `预览失败：${error.message}`;
      previewError.hidden = false;
    }
  };
  let pending = null;
  const changed = () => {
    clearTimeout(pending);
    pending = setTimeout(preview, 300);
  };
  editor.on('changed', changed);
  refresh.addEventListener('click', preview);
  await preview();

  const select = (elementId) => {
    const field = editor.get('formFieldRegistry').get(elementId);
    if (!field) return;
    editor.get('selection').set(field);
    const element = canvas.querySelector(`.fjs-element[data-id="${CSS.escape(elementId)}"]`);
    if (element) element.scrollIntoView({ block: 'center' });
  };

  return {
    getContent: async () => text(),
    isDirty: () => text() !== opened,
    lint: async () => lint(editor.saveSchema()),
    showProblems: (problems) => {
      marks.textContent = problemStyles(problems);
    },
    select,
    destroy: () => {
      clearTimeout(pending);
      stopTranslating();
      viewer.destroy();
      editor.destroy();
      container.replaceChildren();
    },
  };
}
