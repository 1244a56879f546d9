// The Chinese names staff read for PropDesk's codes. Case types, categories, statuses, priorities, groups, SLAs and
// timeline kinds come from GET /api/labels, where the Java side declares them (loadLabels, once after login); only
// what this view itself shows (report dimensions, shifts, engine states and operations) is named here.
let served = null;

/** Fetches the names PropDesk declares; the view renders nothing that needs them before this resolved. */
export async function loadLabels(getJson) {
  if (!served) served = await getJson('/api/labels');
  return served;
}

export function labels() {
  return served;
}

export function typeName(code) {
  return label(served.types, code);
}

/** A category's name as its own case type names it: an inquiry's fees and a complaint's fees differ. */
export function categoryName(type, code) {
  return label(served.categories[type] || {}, code);
}

export function priorityName(code) {
  if (code === null || code === undefined || code === '') return '—';
  return served.priorities[code] ? `${code} ${served.priorities[code]}` : code;
}

/** Groups PropDesk's workflow does not declare but a staff member can belong to. */
const OTHER_GROUPS = { 'camunda-admin': '系统管理员' };

/** A group's Chinese name; its id only when PropDesk names it nowhere. */
export function groupName(code) {
  return served.groups[code] || label(OTHER_GROUPS, code);
}

/**
 * Who did something on a case, by name: the API's {@code actorName} where it gives one; else the owner, PropDesk itself
 * or a channel (channel:wechat) by its Chinese name; else the user id.
 */
export function actorName(line) {
  if (line.actorName) return line.actorName;
  const actor = line.actor;
  if (actor === 'owner') return '业主';
  if (actor === 'system') return '系统';
  if (actor && actor.startsWith('channel:')) {
    const channel = served.channels[actor.slice('channel:'.length)];
    if (channel) return channel;
  }
  return label({}, actor);
}

export const SHIFTS = { day: '白班（08:00–20:00）', night: '夜班（20:00–08:00）' };

export const DIMENSIONS = {
  type: '类型', priority: '优先级', department: '部门', building: '楼栋', month: '月份', shift: '班次',
};

/** Where a timeline line comes from: the case's own record, its type's process, or an internal process. */
export function sourceName(source) {
  const internal = { case: '事项记录', 'sla-clock': '时限监控', 'owner-event': '业主通知' };
  if (internal[source]) return internal[source];
  return served.types[source] ? `${served.types[source]}流程` : label({}, source);
}

export const PROCESS_STATES = {
  ACTIVE: '进行中', COMPLETED: '已结束', SUSPENDED: '已挂起', EXTERNALLY_TERMINATED: '被人为终止',
  INTERNALLY_TERMINATED: '流程内终止',
};

const OPERATIONS = {
  Complete: '完成任务', Claim: '认领任务', Assign: '指派任务', SetOwner: '设置所有者', Delegate: '委托任务',
  Resolve: '办结委托', SetPriority: '设置优先级', Update: '修改', Create: '创建', Delete: '删除',
  SetVariable: '设置变量', SetVariables: '设置变量', ModifyVariable: '修改变量', RemoveVariable: '删除变量',
  Suspend: '挂起', Activate: '激活', ModifyProcessInstance: '修改流程实例', CreateIncident: '创建事件',
  Resolve_Incident: '解决事件', SetJobRetries: '设置作业重试', Migrate: '迁移', AddComment: '添加备注',
  Correlate: '关联消息', CorrelateMessage: '关联消息', StartProcessInstance: '启动流程', Execute: '执行',
};

const LINK_TYPES = { candidate: '候选', assignee: '办理人', owner: '所有者' };
const LINK_OPERATIONS = { add: '添加', delete: '移除' };

/** What a timeline line's {@code what} means, in words. */
export function describe(what) {
  if (what === 'activity-started') return '步骤开始';
  if (what === 'activity-completed') return '步骤完成';
  if (what === 'activity-cancelled') return '步骤取消';
  if (what === 'variable') return '变量变更';
  if (what === 'comment') return '备注';
  if (what.startsWith('operation-')) {
    const operation = what.slice('operation-'.length);
    return `操作：${OPERATIONS[operation] || operation}`;
  }
  const task = /^task-([a-z]+)-([a-z]+)$/.exec(what);
  if (task) return `任务${LINK_TYPES[task[1]] || task[1]}${LINK_OPERATIONS[task[2]] || task[2]}`;
  if (served.timelineKinds[what]) return served.timelineKinds[what];
  if (what.startsWith('event-')) return `通知业主（${what.slice('event-'.length)}）`;
  return what;
}

/** Who did it: the name people read with the id the records hold (王师傅（engineer）); the id where no name is known. */
export function whoOf(line) {
  if (!line.who) return '—';
  return line.whoName && line.whoName !== line.who ? `${line.whoName}（${line.who}）` : line.who;
}

/** Which kind of line it is, for the timeline's filter. */
export function kindOf(line) {
  if (line.what.startsWith('activity-')) return 'activity';
  if (line.what.startsWith('task-')) return 'task';
  if (line.what === 'variable') return 'variable';
  if (line.what.startsWith('operation-') || line.what === 'comment') return 'operation';
  if (line.what.startsWith('sla-') || line.source === 'sla-clock') return 'sla';
  if (line.what.startsWith('event-') || line.what === 'sms' || line.what === 'paged' || line.source === 'owner-event') {
    return 'notification';
  }
  return 'case';
}

export const KINDS = {
  activity: '流程步骤', task: '任务分配与认领', variable: '变量变更', operation: '操作与备注', sla: '时限',
  notification: '通知与回调', case: '事项记录',
};

export function label(map, code) {
  if (code === null || code === undefined || code === '') return '—';
  return map[code] || code;
}
