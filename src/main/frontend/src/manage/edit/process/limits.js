import { PopupEntries } from 'bpmn-js/lib/features/popup-menu/PopupEntries';

// What the editor offers is what PropDesk's deployment guard lets through: the palette, the context pad and the
// replace menu drop every element the guard refuses (it would only be refused at 验证), and every label they show is
// in Chinese.

/** Element and event types the deployment guard refuses. */
const REFUSED_TYPES = new Set(['bpmn:ScriptTask', 'bpmn:ComplexGateway', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);
const REFUSED_EVENTS = new Set(['bpmn:CancelEventDefinition']);

/** Replace-menu entries that turn an element into something refused; the standard loop has no allowed element either. */
const REFUSED_ENTRIES = new Set(['toggle-loop', ...Object.entries(PopupEntries)
  .filter(([, entry]) => REFUSED_TYPES.has(entry.target?.type) || REFUSED_EVENTS.has(entry.target?.eventDefinitionType))
  .map(([id]) => `replace-with-${id}`)]);

const refusedEntry = (id) => REFUSED_ENTRIES.has(id) || /script|complex|transaction|ad-hoc|cancel/.test(id);

function without(entries) {
  for (const id of Object.keys(entries)) {
    if (refusedEntry(id)) delete entries[id];
  }
  return entries;
}

/** Takes refused entries out of whatever the other providers offered (registered last, it runs after them). */
function AllowedEntries(palette, contextPad, popupMenu) {
  palette.registerProvider(100, this);
  contextPad.registerProvider(100, this);
  popupMenu.registerProvider('bpmn-replace', 100, this);
  popupMenu.registerProvider('bpmn-append', 100, this);
  popupMenu.registerProvider('bpmn-create', 100, this);
}
AllowedEntries.$inject = ['palette', 'contextPad', 'popupMenu'];
AllowedEntries.prototype.getPaletteEntries = () => without;
AllowedEntries.prototype.getContextPadEntries = () => without;
AllowedEntries.prototype.getPopupMenuEntries = () => without;
AllowedEntries.prototype.getPopupMenuHeaderEntries = () => without;

export const allowedEntriesModule = {
  __init__: ['propDeskAllowedEntries'],
  propDeskAllowedEntries: ['type', AllowedEntries],
};

/** The Chinese of every label the palette, context pad, replace menu and search show. */
const CHINESE = {
  'Activate hand tool': '移动画布',
  'Activate lasso tool': '框选',
  'Activate create/remove space tool': '插入或删除空白',
  'Activate global connect tool': '连线',
  'Create start event': '开始事件',
  'Create intermediate/boundary event': '中间事件或边界事件',
  'Create end event': '结束事件',
  'Create gateway': '网关',
  'Create task': '任务',
  'Create data object reference': '数据对象',
  'Create data store reference': '数据存储',
  'Create expanded sub-process': '展开的子流程',
  'Create pool/participant': '泳池（参与者）',
  'Create group': '分组',
  'Append task': '追加任务',
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append intermediate/boundary event': '追加中间事件',
  'Append receive task': '追加接收任务',
  'Append message intermediate catch event': '追加消息捕获事件',
  'Append timer intermediate catch event': '追加定时事件',
  'Append conditional intermediate catch event': '追加条件事件',
  'Append signal intermediate catch event': '追加信号捕获事件',
  'Append compensation activity': '追加补偿活动',
  'Add text annotation': '添加注释',
  'Add lane above': '在上方添加泳道',
  'Add lane below': '在下方添加泳道',
  'Divide into two lanes': '分成两条泳道',
  'Divide into three lanes': '分成三条泳道',
  'Change element': '更换类型',
  'Change type': '更换类型',
  'Connect to other element': '连接到其他元素',
  'Connect using association': '用关联连接',
  'Connect using data input association': '用数据输入关联连接',
  Delete: '删除',
  'Search in diagram': '在图中搜索',
  'Parallel multi-instance': '并行多实例',
  'Sequential multi-instance': '串行多实例',
  Loop: '循环',
  Collection: '集合',
  'Participant multiplicity': '多个参与者',
  'Toggle non-interrupting': '切换不中断',
  'Sequence flow': '顺序流',
  'Default flow': '默认流',
  'Conditional flow': '条件流',
  'Sub-process': '子流程',
  'Event based instantiating Gateway': '事件网关（启动流程）',
  'Parallel Event based instantiating Gateway': '并行事件网关（启动流程）',
  Task: '任务',
  'User task': '用户任务',
  'Service task': '服务任务',
  'Send task': '发送任务',
  'Receive task': '接收任务',
  'Manual task': '手工任务',
  'Business rule task': '业务规则任务（决策表）',
  'Call activity': '调用活动',
  'Event sub-process': '事件子流程',
  'Sub-process (collapsed)': '子流程（折叠）',
  'Sub-process (expanded)': '子流程（展开）',
  'Exclusive gateway': '排他网关',
  'Parallel gateway': '并行网关',
  'Inclusive gateway': '包容网关',
  'Event-based gateway': '事件网关',
  'Data store reference': '数据存储',
  'Data object reference': '数据对象',
  'Expanded pool/participant': '展开的泳池',
  'Empty pool/participant': '空泳池',
  'Start event': '开始事件',
  'Intermediate throw event': '中间抛出事件',
  'Boundary event': '边界事件',
  'End event': '结束事件',
  'Message start event': '消息开始事件',
  'Timer start event': '定时开始事件',
  'Conditional start event': '条件开始事件',
  'Signal start event': '信号开始事件',
  'Error start event': '错误开始事件',
  'Escalation start event': '升级开始事件',
  'Compensation start event': '补偿开始事件',
  'Message start event (non-interrupting)': '消息开始事件（不中断）',
  'Timer start event (non-interrupting)': '定时开始事件（不中断）',
  'Conditional start event (non-interrupting)': '条件开始事件（不中断）',
  'Signal start event (non-interrupting)': '信号开始事件（不中断）',
  'Escalation start event (non-interrupting)': '升级开始事件（不中断）',
  'Message intermediate catch event': '消息捕获事件',
  'Message intermediate throw event': '消息抛出事件',
  'Timer intermediate catch event': '定时事件',
  'Escalation intermediate throw event': '升级抛出事件',
  'Conditional intermediate catch event': '条件捕获事件',
  'Link intermediate catch event': '链接捕获事件',
  'Link intermediate throw event': '链接抛出事件',
  'Compensation intermediate throw event': '补偿抛出事件',
  'Signal intermediate catch event': '信号捕获事件',
  'Signal intermediate throw event': '信号抛出事件',
  'Message boundary event': '消息边界事件',
  'Timer boundary event': '定时边界事件',
  'Escalation boundary event': '升级边界事件',
  'Conditional boundary event': '条件边界事件',
  'Error boundary event': '错误边界事件',
  'Signal boundary event': '信号边界事件',
  'Compensation boundary event': '补偿边界事件',
  'Message boundary event (non-interrupting)': '消息边界事件（不中断）',
  'Timer boundary event (non-interrupting)': '定时边界事件（不中断）',
  'Escalation boundary event (non-interrupting)': '升级边界事件（不中断）',
  'Conditional boundary event (non-interrupting)': '条件边界事件（不中断）',
  'Signal boundary event (non-interrupting)': '信号边界事件（不中断）',
  'Message end event': '消息结束事件',
  'Escalation end event': '升级结束事件',
  'Error end event': '错误结束事件',
  'Compensation end event': '补偿结束事件',
  'Signal end event': '信号结束事件',
  'Terminate end event': '终止结束事件',
  Process: '流程',
  Participant: '泳池（参与者）',
  Lane: '泳道',
  Collaboration: '协作',
  'Text Annotation': '注释',
  Group: '分组',
  'Intermediate Catch Event': '中间捕获事件',
  'Timer Boundary Event (Non Interrupting)': '定时边界事件（不中断）',
  Search: '搜索',
  'No results': '没有结果',
};

const LOWER = new Map(Object.entries(CHINESE).map(([english, chinese]) => [english.toLowerCase(), chinese]));

/** diagram-js's translate service: Chinese where known, the English template otherwise, with its {placeholders} filled. */
export function translate(template, replacements = {}) {
  // the properties panel's header names types in title case (User Task), the menus in sentence case (User task)
  const text = CHINESE[template] || LOWER.get(String(template).toLowerCase()) || template;
  return text.replace(/{([^}]+)}/g, (_, key) => replacements[key] ?? `{${key}}`);
}

export const translateModule = { translate: ['value', translate] };
