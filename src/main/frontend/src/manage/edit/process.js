import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './process/process.css';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule } from 'bpmn-js-properties-panel';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import CamundaPlatformBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import { h } from '../../dom.js';
import { allowedEntriesModule, translateModule } from './process/limits.js';
import { lint } from './process/lint.js';
import { GROUPS, propDeskPanelModule } from './process/panel.js';

// The process editor of the managers' console: bpmn-js's modeler with Camunda 7's extensions, offering only what
// PropDesk's deployment guard allows, with PropDesk's own properties panel, an XML view for pasting a diagram, and
// bpmnlint's recommended rules. The console's frame (../editing.js) validates, marks problems and deploys.

const ERROR_MARKER = 'propdesk-problem-error';
const WARNING_MARKER = 'propdesk-problem-warning';

/** Opens the diagram in the editor inside the container; see ../editing.js for how the frame uses the editor. */
/**
 * Camunda's moddle with no default for the binding attributes: moddle leaves out of the XML an attribute equal to its
 * default, so `camunda:decisionRefBinding="latest"` — which PropDesk's diagrams write out — vanished from every diagram the
 * editor saved, and the comparison showed a change nobody made.
 */
const bindingsAsWritten = {
  ...camundaModdle,
  types: camundaModdle.types.map((type) => ({
    ...type,
    properties: (type.properties || []).map(({ default: ignored, ...property }) => (property.name.endsWith('Binding') ? property
      : { ...property, ...(ignored === undefined ? {} : { default: ignored }) })),
  })),
};

export async function open(container, { content, catalogue }) {
  const canvas = h('div', { class: 'process-canvas', id: 'process-canvas' });
  const panel = h('div', { class: 'process-panel', id: 'process-panel' });
  const diagramTab = h('button', { type: 'button', class: 'secondary', id: 'process-tab-diagram', 'aria-pressed': 'true' }, '流程图');
  const xmlTab = h('button', { type: 'button', class: 'secondary', id: 'process-tab-xml', 'aria-pressed': 'false' }, 'XML');
  const source = h('textarea', { id: 'process-xml', spellcheck: 'false', 'aria-label': '流程的 XML' });
  const xmlError = h('p', { class: 'notice error', id: 'process-xml-error', role: 'alert', hidden: true });
  const diagramView = h('div', { class: 'process-diagram' }, canvas, panel);
  const xmlView = h('div', { class: 'process-xml', hidden: true },
    h('p', { class: 'muted' }, '可以直接修改或粘贴 BPMN XML；切回“流程图”时导入。'), source, xmlError);
  container.classList.add('process-editor');
  container.replaceChildren(h('div', { class: 'process-tabs', role: 'group' }, diagramTab, xmlTab), diagramView, xmlView);

  const modeler = new Modeler({
    container: canvas,
    // every group of PropDesk's panel starts open: a manager should not hunt for the few fields there are
    propertiesPanel: { parent: panel, layout: { groups: Object.fromEntries(GROUPS.map((id) => [id, { open: true }])) } },
    additionalModules: [BpmnPropertiesPanelModule, propDeskPanelModule, CamundaPlatformBehaviors, allowedEntriesModule, translateModule],
    moddleExtensions: { camunda: bindingsAsWritten },
    propDesk: { catalogue },
  });
  const eventBus = modeler.get('eventBus');
  let dirty = false;
  let shownXml = null;
  eventBus.on('commandStack.changed', () => {
    dirty = true;
  });

  await modeler.importXML(content);
  dirty = false;
  modeler.get('canvas').zoom('fit-viewport');

  const exportXml = async () => (await modeler.saveXML({ format: true })).xml;

  const showView = (xml) => {
    diagramView.hidden = xml;
    xmlView.hidden = !xml;
    diagramTab.setAttribute('aria-pressed', String(!xml));
    xmlTab.setAttribute('aria-pressed', String(xml));
  };

  /** Imports the XML view's text when it changed; false (the error shown, the view kept) when it cannot be imported. */
  const leaveXml = async () => {
    if (xmlView.hidden) return true;
    // the diagram is drawn (and fitted) only in a visible container
    showView(false);
    if (source.value !== shownXml) {
      try {
        const { warnings } = await modeler.importXML(source.value);
        dirty = true;
        shownXml = null;
        if (warnings.length) console.warn('import warnings', warnings);
      }
      catch (error) {
        xmlError.textContent = `XML 无法导入，请改正后再切回流程图：${error.message}`;
        xmlError.hidden = false;
        showView(true);
        return false;
      }
    }
    xmlError.hidden = true;
    modeler.get('canvas').zoom('fit-viewport');
    return true;
  };

  xmlTab.addEventListener('click', async () => {
    if (!xmlView.hidden) return;
    shownXml = await exportXml();
    source.value = shownXml;
    xmlError.hidden = true;
    showView(true);
  });
  diagramTab.addEventListener('click', () => leaveXml());

  let overlayIds = [];
  let marked = [];

  return {
    async getContent() {
      // what the XML view holds is what gets checked, even when it cannot be imported (the guard says why)
      if (!(await leaveXml())) return source.value;
      return exportXml();
    },
    isDirty: () => dirty,
    async lint() {
      if (!xmlView.hidden && !(await leaveXml())) return [];
      return lint(modeler.getDefinitions());
    },
    showProblems(problems) {
      const registry = modeler.get('elementRegistry');
      const canvasService = modeler.get('canvas');
      const overlays = modeler.get('overlays');
      overlayIds.forEach((id) => overlays.remove(id));
      marked.forEach(([id, marker]) => registry.get(id) && canvasService.removeMarker(id, marker));
      overlayIds = [];
      marked = [];
      const byElement = new Map();
      for (const problem of problems) {
        if (problem.elementId && registry.get(problem.elementId)) {
          byElement.set(problem.elementId, [...(byElement.get(problem.elementId) || []), problem]);
        }
      }
      for (const [id, found] of byElement) {
        const error = found.some((p) => p.level === 'error');
        const marker = error ? ERROR_MARKER : WARNING_MARKER;
        canvasService.addMarker(id, marker);
        marked.push([id, marker]);
        const badge = h('span', {
          class: `process-problem-badge ${error ? 'error' : 'warning'}`, 'data-element-id': id,
          title: found.map((p) => p.message).join('\n'),
        }, String(found.length));
        overlayIds.push(overlays.add(id, 'propdesk-problems', { position: { top: -10, right: 10 }, html: badge }));
      }
    },
    async select(elementId) {
      if (!(await leaveXml())) return;
      const element = modeler.get('elementRegistry').get(elementId);
      if (!element) return;
      modeler.get('selection').select(element);
      modeler.get('canvas').scrollToElement(element);
    },
    destroy() {
      modeler.destroy();
      container.replaceChildren();
    },
  };
}
