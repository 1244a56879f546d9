import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import './decision/decision.css';
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaModdle from 'camunda-dmn-moddle/resources/camunda.json';
import { h } from '../../dom.js';
import { translateModule } from './decision/translate.js';
import { tryItBox } from './decision/trial.js';

// The decision-table editor of the managers' console (see ../main.js for the frame and the editor contract): dmn-js's
// modeler opened on the file's decision table, with Camunda's DMN extension so historyTimeToLive and the other camunda:
// attributes survive a round trip, Chinese labels, PropDesk's rules for its tables checked in the browser, and the
// try-it box (试算) evaluating the edited table on sample inputs.

/** A cell the table's catch-all row leaves empty: nothing written, or FEEL's "-" (any value). */
function matchesAnything(entry) {
  const text = ((entry && entry.text) || '').trim();
  return text === '' || text === '-';
}

/** PropDesk's rules for a decision table: hit policy FIRST and a last row that matches any input. */
function tableProblems(decision, table) {
  const problems = [];
  const problem = (elementId, message) => problems.push({ source: 'lint', level: 'error', elementId, message });
  if ((table.hitPolicy || 'UNIQUE') !== 'FIRST') {
    problem(decision.id, `决策表 ${decision.name || decision.id} 的命中策略须为“第一条（FIRST）”：规则按顺序匹配，取第一条命中的规则。`);
  }
  const rules = table.rule || [];
  const last = rules[rules.length - 1];
  if (!last) {
    problem(decision.id, `决策表 ${decision.name || decision.id} 没有规则。`);
  } else if (!(last.inputEntry || []).every(matchesAnything)) {
    problem(last.id, `最后一行（${last.id}）须为兜底行：所有输入单元格留空（或“-”），使任何输入都有结果，事项受理不会因此失败。`);
  }
  return problems;
}

/**
 * Where an element of the table is drawn: a rule is its row, a rule's input or output entry its cell; null for anything
 * else (the decision, a column).
 */
function place(table, elementId) {
  for (const rule of (table && table.rule) || []) {
    if (rule.id === elementId) return { row: rule.id };
    const inputAt = (rule.inputEntry || []).findIndex((e) => e.id === elementId);
    if (inputAt >= 0 && table.input[inputAt]) return { row: rule.id, column: table.input[inputAt].id };
    const outputAt = (rule.outputEntry || []).findIndex((e) => e.id === elementId);
    if (outputAt >= 0 && table.output[outputAt]) return { row: rule.id, column: table.output[outputAt].id };
  }
  return null;
}

function selector({ row, column }) {
  return `.decision-editor [data-row-id="${CSS.escape(row)}"]${column ? `[data-col-id="${CSS.escape(column)}"]` : ''}`;
}

/** A style sheet of its own for the marks on rows and cells, so the table's re-rendering never drops them. */
function marksSheet(container) {
  const style = h('style', {});
  container.append(style);
  return (placesByStyle) => {
    style.textContent = Object.entries(placesByStyle).map(([rule, places]) => (places.length
      ? `${places.map(selector).join(', ')} { ${rule} }` : '')).join('\n');
  };
}

export async function open(container, { key, content, api }) {
  container.classList.add('decision-editor');
  const tableBox = h('div', { class: 'decision-table-box', id: 'decision-table' });
  const trialBox = h('section', { class: 'panel decision-trial', id: 'decision-trial' });
  container.append(tableBox, trialBox);

  const modeler = new DmnModeler({
    container: tableBox,
    // the deployment guard allows FEEL only: JUEL or a script in a cell could run code on the server
    common: { expressionLanguages: { options: [{ value: 'feel', label: 'FEEL' }], defaults: { editor: 'feel' } } },
    // each view builds its own modules list (dmn-js drops common.additionalModules)
    drd: { additionalModules: [translateModule] },
    decisionTable: { additionalModules: [translateModule] },
    literalExpression: { additionalModules: [translateModule] },
    moddleExtensions: { camunda: camundaModdle },
  });
  await modeler.importXML(content);
  const views = modeler.getViews();
  const view = views.find((v) => v.type === 'decisionTable' && v.element.id === key)
    || views.find((v) => v.type === 'decisionTable');
  if (view) await modeler.open(view);

  let changes = 0;
  let matched = [];
  let problemPlaces = [];
  const marks = marksSheet(container);
  const paint = () => marks({
    'background: #fff3c4 !important; box-shadow: inset 0 0 0 1px #d9a400;': matched.map((row) => ({ row })),
    'outline: 2px solid #c0392b; outline-offset: -2px;': problemPlaces,
  });
  const decision = () => {
    const active = modeler.getActiveView();
    return active && active.type === 'decisionTable' ? active.element : null;
  };
  const getContent = async () => (await modeler.saveXML({ format: true })).xml;
  const trial = tryItBox(trialBox, {
    api,
    decisionKey: (decision() || {}).id || key,
    current: () => (decision() ? decision().decisionLogic : null),
    content: getContent,
    highlight: (ruleIds) => { matched = ruleIds; paint(); },
  });

  // each view (the table, the drawing) has its own command stack: count the changes of every one shown
  const watched = new Set();
  const watch = () => {
    const viewer = modeler.getActiveViewer();
    if (!viewer || watched.has(viewer)) return;
    watched.add(viewer);
    viewer.on('elements.changed', () => {
      changes += 1;
      // the last result belongs to the table before this change
      matched = [];
      paint();
      trial.refresh();
    });
  };
  watch();
  modeler.on('views.changed', () => { watch(); trial.refresh(); });

  return {
    getContent,
    isDirty: () => changes > 0,
    async lint() {
      return modeler.getDefinitions().drgElement
        .filter((element) => element.$type === 'dmn:Decision' && element.decisionLogic
          && element.decisionLogic.$type === 'dmn:DecisionTable')
        .flatMap((element) => tableProblems(element, element.decisionLogic));
    },
    showProblems(problems) {
      const table = decision() && decision().decisionLogic;
      problemPlaces = problems.map((p) => place(table, p.elementId)).filter(Boolean);
      paint();
    },
    select(elementId) {
      const where = place(decision() && decision().decisionLogic, elementId);
      const cell = where && tableBox.querySelector(selector(where).replace('.decision-editor ', ''));
      if (cell) cell.scrollIntoView({ block: 'center', inline: 'center' });
    },
    destroy() {
      modeler.destroy();
      container.replaceChildren();
    },
  };
}
