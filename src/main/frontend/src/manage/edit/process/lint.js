import { Linter } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import global from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';

// bpmnlint's recommended rules, run in the browser. bpmnlint finds rules by package and name at run time, which a
// bundle cannot do: the rules are imported here and handed over by a resolver of our own.

const RULES = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

const CONFIG = {
  extends: 'bpmnlint:recommended',
  rules: {
    // PropDesk's diagrams merge alternative paths straight into the next task (a hand-back goes back to dispatch, a
    // rejected repair back to the technician); the engine continues with each arriving token, exactly as an
    // exclusive merging gateway would, and the extra gateway would only make the diagrams harder to read.
    'fake-join': 'off',
    // Flows going back to an earlier step carry a label (重新派工, 继续维修) so a reader sees why the case returns.
    'superfluous-label': 'off',
  },
};

const resolver = {
  resolveRule(pkg, name) {
    const rule = pkg === 'bpmnlint' && RULES[name];
    if (!rule) throw new Error(`unknown rule ${pkg}/${name}`);
    return rule;
  },
  resolveConfig(pkg, name) {
    if (pkg === 'bpmnlint' && name === 'recommended') return recommended;
    throw new Error(`unknown config ${pkg}:${name}`);
  },
};

const MESSAGES = [
  [/^Element is missing label\/name$/, '缺少名称'],
  [/^Element is missing name$/, '缺少名称'],
  [/^Element is not connected$/, '没有连线'],
  [/^Element is an implicit end$/, '没有出去的连线却不是结束事件（隐式结束）'],
  [/^Element is an implicit start$/, '没有进来的连线却不是开始事件（隐式开始）'],
  [/^Flow splits implicitly$/, '从任务直接分出带条件的多条线（请用网关）'],
  [/^Gateway forks and joins$/, '网关同时合并和分支（请拆成两个网关）'],
  [/^Incoming flows do not join$/, '多条进入的线没有经过合并网关'],
  [/^Sequence flow is missing condition$/, '顺序流缺少条件'],
  [/^Sequence flow has superfluous label$/, '顺序流的名称多余'],
  [/^Duplicate (incoming|outgoing) sequence flows$/, '重复的顺序流'],
  [/^SequenceFlow is a duplicate$/, '重复的顺序流'],
  [/^Element is missing bpmndi$/, '在图上没有画出来'],
  [/^Element overlaps with other element$/, '与其他元素重叠'],
  [/^Element is outside of parent boundary$/, '超出所在容器的边界'],
  [/^Element is unused$/, '定义了但没有用到'],
  [/^Element name is not unique$/, '名称重复'],
  [/^Event has multiple event definitions$/, '事件有多个事件定义'],
  [/^Start event is missing event definition$/, '事件子流程的开始事件缺少类型'],
  [/^Start event must be blank$/, '开始事件必须是空白开始事件'],
  [/^Gateway is superfluous/, '网关多余：只有一条进线和一条出线'],
  [/^Termination is superfluous/, '终止结束事件多余'],
  [/^Conditional event is missing a condition$/, '条件事件缺少条件'],
  [/^Link event is missing link name$/, '链接事件缺少链接名'],
  [/^An <Event-based Gateway> must have at least 2 outgoing/, '事件网关至少要有两条出去的线'],
  [/^A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional$/, '事件网关出去的线不能带条件'],
  [/^Element type <bpmn:ComplexGateway> is discouraged$/, '不允许复杂网关'],
  [/^Element type <bpmn:InclusiveGateway> is discouraged$/, '不建议用包容网关'],
  [/^Process is missing end event$/, '流程缺少结束事件'],
  [/^Process is missing start event$/, '流程缺少开始事件'],
  [/^Sub process is missing end event$/, '子流程缺少结束事件'],
  [/^Sub process is missing start event$/, '子流程缺少开始事件'],
  [/^Process has multiple blank start events$/, '流程有多个空白开始事件'],
  [/^Sub process has multiple blank start events$/, '子流程有多个空白开始事件'],
];

/** The Chinese of a bpmnlint message, the original where none is known. */
export function chinese(message) {
  const found = MESSAGES.find(([pattern]) => pattern.test(message));
  return found ? found[1] : message;
}

/** The recommended rules' findings on the diagram, as the editor's problems (rule name kept in the message). */
export async function lint(definitions) {
  // a linter keeps its rules, and some rules remember what they saw (no-duplicate-sequence-flows): one per run
  const results = await new Linter({ config: CONFIG, resolver }).lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((report) => ({
    source: 'lint',
    level: report.category === 'error' ? 'error' : 'warning',
    elementId: report.id || null,
    message: `${chinese(report.message)}（${rule}）`,
  })));
}
