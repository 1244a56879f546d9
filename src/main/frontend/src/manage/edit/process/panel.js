import { ListGroup, SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { jsx } from '@bpmn-io/properties-panel/preact/jsx-runtime';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

// PropDesk's own properties panel: only what managers change and the deployment guard allows, in Chinese. Delegates
// and listeners are chosen from PropDesk's steps (the editor catalogue), forms from the deployed forms, groups from
// PropDesk's groups; there is no field for a Java class, a script, a connector, an external task, field injection,
// a generated form or a free delegate expression.

const NONE = '';
const TIMER_TYPES = [
  { value: 'timeDuration', label: '时长' },
  { value: 'timeDate', label: '时间点' },
  { value: 'timeCycle', label: '周期' },
];
const TIMER_HINTS = {
  timeDuration: '等待多久，ISO-8601 时长：PT72H 为 72 小时，PT15M 为 15 分钟，P1D 为 1 天。',
  timeDate: '到哪个时刻，ISO-8601 时间（如 2026-12-01T08:00:00+08:00）或保存到期时间的变量（如 ${dueAt}）。',
  timeCycle: '重复，ISO-8601 重复（如 R3/PT10M 每 10 分钟共 3 次）或 cron（如 0 0 8 * * ? 每天 8 点）。',
};
const EXECUTION_EVENTS = [{ value: 'start', label: '开始时' }, { value: 'end', label: '结束时' }, { value: 'take', label: '经过时' }];
const TASK_EVENTS = [
  { value: 'create', label: '创建时' }, { value: 'assignment', label: '分派时' }, { value: 'complete', label: '完成时' },
  { value: 'delete', label: '删除时' }, { value: 'update', label: '更新时' }, { value: 'timeout', label: '超时' },
];
const ID = /^[A-Za-z_][\w.-]*$/;

/** The bean a `${bean}` expression names, or the text itself when it is anything else. */
const beanOf = (expression) => (/^\$\{\s*([A-Za-z_]\w*)\s*\}$/.exec(expression || '') || [])[1] || expression || NONE;

/** A select's options: the allowed choices, plus the value already in the diagram when it is none of them, kept as is. */
function withCurrent(options, current, describe = (v) => `${v}（现有值）`) {
  if (current && !options.some((o) => o.value === current)) return [...options, { value: current, label: describe(current) }];
  return options;
}

function extensions(bo, type) {
  return (bo.get('extensionElements')?.get('values') || []).filter((v) => is(v, type));
}

/** Runs several property changes as one step of the undo history. */
function change(commandStack, changes) {
  commandStack.execute('properties-panel.multi-command-executor',
    changes.map(([element, moddleElement, properties]) => ({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } })));
}

/** The extension element of a type on an element, created (with extensionElements) when missing. */
function ensureExtension(element, bo, type, bpmnFactory, changes) {
  let container = bo.get('extensionElements');
  if (!container) {
    container = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    container.$parent = bo;
    changes.push([element, bo, { extensionElements: container }]);
  }
  let found = container.get('values').find((v) => is(v, type));
  if (!found) {
    found = bpmnFactory.create(type);
    found.$parent = container;
    changes.push([element, container, { values: [...container.get('values'), found] }]);
  }
  return found;
}

function text(props) {
  return jsx(TextFieldEntry, { debounce: useService('debounceInput'), ...props });
}

function entry(id, component, isEdited = isTextFieldEntryEdited) {
  return { id, component, isEdited };
}

/* ---------- general: name and id; for the process its time to live ---------- */

function NameEntry({ element }) {
  const modeling = useService('modeling');
  return text({
    element, id: 'name', label: '名称',
    getValue: () => getBusinessObject(element).get('name') || '',
    setValue: (value) => modeling.updateProperties(element, { name: value || undefined }),
  });
}

function IdEntry({ element }) {
  const modeling = useService('modeling');
  const registry = useService('elementRegistry');
  return text({
    element, id: 'id', label: 'ID',
    description: '英文、可读，如 Task_CheckMeter；代码、表单和测试按它找元素。',
    getValue: () => getBusinessObject(element).get('id'),
    setValue: (value) => modeling.updateProperties(element, { id: value }),
    validate: (value) => {
      if (!value) return 'ID 不能为空';
      if (!ID.test(value)) return 'ID 只能用字母、数字、下划线、点和连字符，且以字母或下划线开头';
      const other = registry.get(value);
      if (other && other !== element) return `ID ${value} 已被其他元素使用`;
      const bo = getBusinessObject(element);
      if (value !== bo.get('id') && bo.$model.ids.assigned(value)) return `ID ${value} 已被使用`;
      return null;
    },
  });
}

function TimeToLiveEntry({ element }) {
  const modeling = useService('modeling');
  const process = processOf(element);
  return text({
    element, id: 'historyTimeToLive', label: '保留期限',
    description: '办结后的历史保留多久：天数（如 1095）或 ISO-8601 时长（如 P1095D，3 年）。',
    getValue: () => process.get('camunda:historyTimeToLive') || '',
    setValue: (value) => modeling.updateModdleProperties(element, process, { 'camunda:historyTimeToLive': value || undefined }),
    validate: (value) => (value && !/^(\d+|P\d+D)$/.test(value) ? '请写天数（如 1095）或 P1095D' : (value ? null : '每个流程都要有保留期限')),
  });
}

function processOf(element) {
  const bo = getBusinessObject(element);
  return is(bo, 'bpmn:Participant') ? bo.get('processRef') : bo;
}

/* ---------- user tasks: candidate group, form, assignee ---------- */

function CandidateGroupsEntry({ element, catalogue }) {
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  return jsx(SelectEntry, {
    element, id: 'candidateGroups', label: '候选组',
    description: '哪个部门能在 Tasklist 里领取这项任务。',
    getValue: () => bo.get('camunda:candidateGroups') || NONE,
    setValue: (value) => modeling.updateProperties(element, { 'camunda:candidateGroups': value || undefined }),
    getOptions: () => withCurrent([{ value: NONE, label: '（未选）' }, ...catalogue.groups.map((g) => ({ value: g.id, label: g.label }))],
      bo.get('camunda:candidateGroups'), (v) => (v.includes('${') ? `${v}（按事项决定）` : `${v}（现有值）`)),
  });
}

function FormEntry({ element, catalogue }) {
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  return jsx(SelectEntry, {
    element, id: 'formRef', label: '表单',
    description: '办理时填写的 Camunda 表单（总是用最新版本）。',
    getValue: () => bo.get('camunda:formRef') || NONE,
    setValue: (value) => modeling.updateProperties(element, value
      ? { 'camunda:formRef': value, 'camunda:formRefBinding': 'latest' }
      : { 'camunda:formRef': undefined, 'camunda:formRefBinding': undefined, 'camunda:formRefVersion': undefined }),
    getOptions: () => withCurrent([{ value: NONE, label: '（无表单）' }, ...catalogue.forms.map((f) => ({ value: f.id, label: f.title ? `${f.title}（${f.id}）` : f.id }))],
      bo.get('camunda:formRef')),
  });
}

function AssigneeEntry({ element }) {
  return text({
    element, id: 'assignee', label: '办理人', disabled: true,
    description: '由流程决定（如 ${technician}），在这里不改。',
    getValue: () => getBusinessObject(element).get('camunda:assignee') || '',
    setValue: () => {},
  });
}

/* ---------- service tasks: the step and its inputs ---------- */

function StepEntry({ element, catalogue }) {
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  const steps = catalogue.steps.filter((s) => s.kind === 'service');
  return jsx(SelectEntry, {
    element, id: 'delegateExpression', label: '执行的步骤',
    getValue: () => beanOf(bo.get('camunda:delegateExpression')),
    setValue: (value) => modeling.updateProperties(element, { 'camunda:delegateExpression': value ? `\${${value}}` : undefined }),
    getOptions: () => withCurrent([{ value: NONE, label: '（未选）' }, ...steps.map((s) => ({ value: s.bean, label: s.label }))],
      beanOf(bo.get('camunda:delegateExpression')), (v) => `${v}（不在 PropDesk 步骤中）`),
  });
}

function stepOf(bo, catalogue) {
  const bean = beanOf(bo.get('camunda:delegateExpression'));
  return catalogue.steps.find((s) => s.kind === 'service' && s.bean === bean);
}

function InputEntry({ element, input, id }) {
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const bo = getBusinessObject(element);
  const parameter = () => extensions(bo, 'camunda:InputOutput')[0]?.get('inputParameters').find((p) => p.get('name') === input.name);
  const getValue = () => parameter()?.get('value') || NONE;
  const setValue = (value) => {
    const changes = [];
    const io = ensureExtension(element, bo, 'camunda:InputOutput', bpmnFactory, changes);
    const existing = io.get('inputParameters').find((p) => p.get('name') === input.name);
    if (!value) {
      if (existing) changes.push([element, io, { inputParameters: io.get('inputParameters').filter((p) => p !== existing) }]);
    }
    else if (existing) {
      changes.push([element, existing, { value }]);
    }
    else {
      const created = bpmnFactory.create('camunda:InputParameter', { name: input.name, value });
      created.$parent = io;
      changes.push([element, io, { inputParameters: [...io.get('inputParameters'), created] }]);
    }
    if (changes.length) change(commandStack, changes);
  };
  const label = `${input.label}（${input.name}）`;
  if (input.options) {
    return jsx(SelectEntry, {
      element, id, label, getValue, setValue,
      getOptions: () => withCurrent([{ value: NONE, label: '（未填）' }, ...input.options], getValue()),
    });
  }
  return jsx(TextFieldEntry, { element, id, label, getValue, setValue, debounce });
}

/* ---------- call activities and business rule tasks ---------- */

function CalledProcessEntry({ element, catalogue }) {
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  return jsx(SelectEntry, {
    element, id: 'calledElement', label: '调用的流程',
    getValue: () => bo.get('calledElement') || NONE,
    setValue: (value) => modeling.updateProperties(element, { calledElement: value || undefined, 'camunda:calledElementBinding': value ? 'latest' : undefined }),
    getOptions: () => withCurrent([{ value: NONE, label: '（未选）' }, ...catalogue.processes.map((p) => ({ value: p.key, label: `${p.name}（${p.key}）` }))],
      bo.get('calledElement')),
  });
}

function DecisionEntry({ element, catalogue }) {
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  return jsx(SelectEntry, {
    element, id: 'decisionRef', label: '决策表',
    getValue: () => bo.get('camunda:decisionRef') || NONE,
    setValue: (value) => modeling.updateProperties(element, { 'camunda:decisionRef': value || undefined, 'camunda:decisionRefBinding': value ? 'latest' : undefined }),
    getOptions: () => withCurrent([{ value: NONE, label: '（未选）' }, ...catalogue.decisions.map((d) => ({ value: d.key, label: `${d.name}（${d.key}）` }))],
      bo.get('camunda:decisionRef')),
  });
}

function ResultVariableEntry({ element }) {
  const modeling = useService('modeling');
  return text({
    element, id: 'resultVariable', label: '结果变量',
    getValue: () => getBusinessObject(element).get('camunda:resultVariable') || '',
    setValue: (value) => modeling.updateProperties(element, { 'camunda:resultVariable': value || undefined }),
    validate: (value) => (value && !/^[A-Za-z_]\w*$/.test(value) ? '变量名只能用字母、数字和下划线' : null),
  });
}

/* ---------- timers and conditions ---------- */

function timerOf(element) {
  return (getBusinessObject(element).get('eventDefinitions') || []).find((d) => is(d, 'bpmn:TimerEventDefinition'));
}

const timerType = (timer) => TIMER_TYPES.map((t) => t.value).find((t) => timer.get(t)) || NONE;

function TimerTypeEntry({ element }) {
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const timer = timerOf(element);
  return jsx(SelectEntry, {
    element, id: 'timerType', label: '定时方式',
    getValue: () => timerType(timer),
    setValue: (value) => {
      const old = timerType(timer);
      const body = old ? timer.get(old).get('body') : '';
      const properties = { timeDate: undefined, timeDuration: undefined, timeCycle: undefined };
      if (value) {
        properties[value] = bpmnFactory.create('bpmn:FormalExpression', { body });
        properties[value].$parent = timer;
      }
      change(commandStack, [[element, timer, properties]]);
    },
    getOptions: () => [{ value: NONE, label: '（未设）' }, ...TIMER_TYPES],
  });
}

function TimerValueEntry({ element }) {
  const commandStack = useService('commandStack');
  const timer = timerOf(element);
  const type = timerType(timer);
  return text({
    element, id: 'timerValue', label: '定时', description: TIMER_HINTS[type],
    getValue: () => timer.get(type)?.get('body') || '',
    setValue: (value) => change(commandStack, [[element, timer.get(type), { body: value }]]),
    validate: (value) => (value ? null : '请填写定时的值'),
  });
}

function isConditional(element) {
  const bo = getBusinessObject(element);
  const source = bo.get('sourceRef');
  return is(bo, 'bpmn:SequenceFlow') && source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway')
    || (is(source, 'bpmn:Activity') && bo.get('conditionExpression')));
}

function ConditionEntry({ element }) {
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const bo = getBusinessObject(element);
  const source = bo.get('sourceRef');
  const isDefault = source.get('default') === bo;
  return text({
    element, id: 'condition', label: '条件',
    description: isDefault ? '这是默认流：其他条件都不成立时走这里，不需要条件。'
      : '走这条线的条件，只读取流程变量，如 ${priority == \'P1\'} 或 ${!accepted}。',
    disabled: isDefault,
    getValue: () => bo.get('conditionExpression')?.get('body') || '',
    setValue: (value) => modeling.updateProperties(element, {
      conditionExpression: value ? bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined,
    }),
    validate: (value) => (value && !/^\s*[$#]\{[\s\S]*\}\s*$/.test(value) ? '条件写成 ${…}，如 ${accepted}' : null),
  });
}

/* ---------- listeners: PropDesk's listener steps only ---------- */

function ListenerStepEntry({ element, listener, id, kind, catalogue }) {
  const commandStack = useService('commandStack');
  const steps = catalogue.steps.filter((s) => s.kind === kind);
  return jsx(SelectEntry, {
    element, id, label: '步骤',
    getValue: () => beanOf(listener.get('delegateExpression')),
    setValue: (value) => change(commandStack, [[element, listener, { delegateExpression: `\${${value}}` }]]),
    getOptions: () => withCurrent(steps.map((s) => ({ value: s.bean, label: s.label })), beanOf(listener.get('delegateExpression')),
      (v) => `${v}（不在 PropDesk 步骤中）`),
  });
}

function ListenerEventEntry({ element, listener, id, events }) {
  const commandStack = useService('commandStack');
  return jsx(SelectEntry, {
    element, id, label: '何时',
    getValue: () => listener.get('event') || NONE,
    setValue: (value) => change(commandStack, [[element, listener, { event: value }]]),
    getOptions: () => withCurrent(events, listener.get('event')),
  });
}

function listenerGroup(element, injector, catalogue, { type, kind, events, id, label }) {
  const steps = catalogue.steps.filter((s) => s.kind === kind);
  const bo = getBusinessObject(element);
  const listeners = extensions(bo, type);
  if (!steps.length && !listeners.length) return null;
  const commandStack = injector.get('commandStack');
  const bpmnFactory = injector.get('bpmnFactory');
  const stepLabel = (l) => steps.find((s) => s.bean === beanOf(l.get('delegateExpression')))?.label || beanOf(l.get('delegateExpression'));
  return {
    id, label, component: ListGroup, shouldOpen: true,
    items: listeners.map((listener, index) => ({
      id: `${id}-${index}`,
      label: `${events.find((e) => e.value === listener.get('event'))?.label || listener.get('event') || ''} ${stepLabel(listener)}`,
      entries: [
        { id: `${id}-${index}-step`, component: (props) => ListenerStepEntry({ ...props, listener, id: `${id}-${index}-step`, kind, catalogue }) },
        { id: `${id}-${index}-event`, component: (props) => ListenerEventEntry({ ...props, listener, id: `${id}-${index}-event`, events }) },
      ],
      remove: () => {
        const container = bo.get('extensionElements');
        change(commandStack, [[element, container, { values: container.get('values').filter((v) => v !== listener) }]]);
      },
    })),
    add: steps.length ? () => {
      const changes = [];
      let container = bo.get('extensionElements');
      if (!container) {
        container = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
        container.$parent = bo;
        changes.push([element, bo, { extensionElements: container }]);
      }
      const listener = bpmnFactory.create(type, { event: events[0].value, delegateExpression: `\${${steps[0].bean}}` });
      listener.$parent = container;
      changes.push([element, container, { values: [...container.get('values'), listener] }]);
      change(commandStack, changes);
    } : undefined,
  };
}

/* ---------- the provider ---------- */

export const GROUPS = ['general', 'userTask', 'step', 'callActivity', 'decision', 'timer', 'condition', 'taskListeners',
  'executionListeners'];

function group(id, label, entries) {
  return entries.length ? { id, label, entries } : null;
}

export function PropDeskPropertiesProvider(propertiesPanel, injector, config) {
  this.injector = injector;
  this.catalogue = config.catalogue;
  propertiesPanel.registerProvider(500, this);
}
PropDeskPropertiesProvider.$inject = ['propertiesPanel', 'injector', 'config.propDesk'];

PropDeskPropertiesProvider.prototype.getGroups = function (element) {
  const { catalogue, injector } = this;
  const bo = getBusinessObject(element);
  const withCatalogue = (Component) => (props) => Component({ ...props, catalogue });
  return () => {
    const general = [entry('name', NameEntry), entry('id', IdEntry)];
    const isProcess = is(bo, 'bpmn:Process') || (is(bo, 'bpmn:Participant') && bo.get('processRef'));
    if (isProcess) general.push(entry('historyTimeToLive', TimeToLiveEntry));
    const groups = [group('general', '常规', general)];

    if (is(bo, 'bpmn:UserTask')) {
      const entries = [entry('candidateGroups', withCatalogue(CandidateGroupsEntry), isSelectEntryEdited),
        entry('formRef', withCatalogue(FormEntry), isSelectEntryEdited)];
      if (bo.get('camunda:assignee')) entries.push(entry('assignee', AssigneeEntry));
      groups.push(group('userTask', '办理', entries));
    }
    if (is(bo, 'bpmn:ServiceTask') || is(bo, 'bpmn:SendTask')) {
      const entries = [entry('delegateExpression', withCatalogue(StepEntry), isSelectEntryEdited)];
      for (const input of stepOf(bo, catalogue)?.inputs || []) {
        const id = `input-${input.name}`;
        entries.push(entry(id, (props) => InputEntry({ ...props, input, id }), isSelectEntryEdited));
      }
      groups.push(group('step', '执行的步骤', entries));
    }
    if (is(bo, 'bpmn:CallActivity')) {
      groups.push(group('callActivity', '调用', [entry('calledElement', withCatalogue(CalledProcessEntry), isSelectEntryEdited)]));
    }
    if (is(bo, 'bpmn:BusinessRuleTask')) {
      groups.push(group('decision', '决策表', [entry('decisionRef', withCatalogue(DecisionEntry), isSelectEntryEdited),
        entry('resultVariable', ResultVariableEntry)]));
    }
    if (timerOf(element)) {
      const entries = [entry('timerType', TimerTypeEntry, isSelectEntryEdited)];
      if (timerType(timerOf(element))) entries.push(entry('timerValue', TimerValueEntry));
      groups.push(group('timer', '定时', entries));
    }
    if (isConditional(element)) {
      groups.push(group('condition', '条件', [entry('condition', ConditionEntry)]));
    }
    if (is(bo, 'bpmn:UserTask')) {
      groups.push(listenerGroup(element, injector, catalogue,
        { type: 'camunda:TaskListener', kind: 'task-listener', events: TASK_EVENTS, id: 'taskListeners', label: '任务监听' }));
    }
    if (is(bo, 'bpmn:FlowNode') || is(bo, 'bpmn:Process') || is(bo, 'bpmn:SequenceFlow')) {
      const events = is(bo, 'bpmn:SequenceFlow') ? EXECUTION_EVENTS.slice(2) : EXECUTION_EVENTS.slice(0, 2);
      groups.push(listenerGroup(element, injector, catalogue,
        { type: 'camunda:ExecutionListener', kind: 'execution-listener', events, id: 'executionListeners', label: '执行监听' }));
    }
    return groups.filter(Boolean);
  };
};

export const propDeskPanelModule = {
  __init__: ['propDeskPropertiesProvider'],
  propDeskPropertiesProvider: ['type', PropDeskPropertiesProvider],
};
