// The Chinese names staff read for PropDesk's codes (the same names the Java side uses).
export const TYPES = { repair: '报修', complaint: '投诉', emergency: '紧急事件', inquiry: '咨询' };

export const STATUSES = {
  accepted: '已受理', 'in-progress': '处理中', 'awaiting-feedback': '待评价', closed: '已办结', promoted: '已转紧急',
};

export const PRIORITIES = { P1: 'P1 紧急', P2: 'P2 较急', P3: 'P3 一般', P4: 'P4 计划' };

export const DEPARTMENTS = {
  'service-desk': '客服', engineering: '工程部', cleaning: '保洁部', security: '安保部', management: '管理层',
  'duty-officer': '24小时值班', auditor: '审计',
};

export const CATEGORIES = {
  plumbing: '给排水', electrical: '电气', lift: '电梯', gas: '燃气', fire: '消防/火情', 'door-access': '门禁',
  hvac: '暖通空调', structure: '土建门窗', cleaning: '保洁', security: '安保', attitude: '服务态度',
  sanitation: '环境卫生', noise: '噪音扰民', safety: '安全隐患', 'property-damage': '财物损失',
  'repair-quality': '维修质量', fees: '收费', 'gas-leak': '燃气泄漏', entrapment: '电梯困人', 'burst-pipe': '爆管',
  'power-cut': '停电', 'water-cut': '停水', 'lift-failure': '电梯故障', parking: '停车', renovation: '装修',
  access: '门禁与访客', pets: '宠物', delivery: '快递外卖', utilities: '水电燃气网络', environment: '环境卫生',
  residence: '入住与房屋', services: '服务与设施', other: '其他',
};

export const SLAS = {
  'desk-classification': '客服分类', 'repair-response': '维修响应', 'initial-investigation': '初步排查',
  'repair-resolution': '维修解决', 'complaint-first-response': '投诉首次响应', 'complaint-resolution': '投诉解决',
  'inquiry-first-response': '咨询首次响应', 'inquiry-promised-reply': '承诺答复',
  'emergency-acknowledgement': '紧急事件确认',
};

export const SHIFTS = { day: '白班（08:00–20:00）', night: '夜班（20:00–08:00）' };

export const DIMENSIONS = {
  type: '类型', priority: '优先级', department: '部门', building: '楼栋', month: '月份', shift: '班次',
};

export const SOURCES = {
  case: '事项记录', repair: '报修流程', complaint: '投诉流程', emergency: '紧急事件流程', inquiry: '咨询流程',
  'sla-clock': '时限监控', 'owner-event': '业主通知',
};

export const PROCESS_STATES = {
  ACTIVE: '进行中', COMPLETED: '已结束', SUSPENDED: '已挂起', EXTERNALLY_TERMINATED: '被人为终止',
  INTERNALLY_TERMINATED: '流程内终止',
};

const CASE_EVENTS = {
  accepted: '受理', classified: '分类', dispatched: '派单', 'dispatch-failed': '派单未成', diagnosed: '现场诊断',
  repaired: '维修完成', 'handed-back': '退回重派', rejected: '验收未通过', resolved: '已解决', closed: '办结',
  feedback: '业主评价', 'return-visit': '回访', 'return-visit-planned': '安排回访', promoted: '转紧急',
  linked: '关联事项', drill: '演练', tiered: '投诉分级', repeat: '重复投诉', plan: '处理方案', replied: '书面答复',
  reopened: '重新打开', 'root-cause': '根本原因', improved: '改进措施', acknowledged: '值班确认',
  evacuated: '疏散', 'external-call': '外部报警', broadcast: '楼栋广播', command: '现场指挥', findings: '复盘结论',
  'plan-changed': '预案修订', 'sla-started': '开始计时', 'sla-met': '时限达标', 'sla-breached': '超时',
  'sla-paused': '暂停计时', 'sla-resumed': '恢复计时', 'sla-stopped': '停止计时',
  'sla-escalation-handled': '超时督办已处理', sms: '短信', paged: '呼叫员工', triaged: '咨询分流',
  'handed-over': '转交专员', 'kb-draft': '知识库草稿', 'kb-approved': '知识库条目通过', 'kb-rejected': '知识库条目退回',
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
  if (what.startsWith('event-')) return `通知业主（${what.slice('event-'.length)}）`;
  return CASE_EVENTS[what] || what;
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
