// A few texts of the Camunda webapps are not in their locale files and stay English whatever the locale:
// everything Camunda Forms (form-js) prints in Tasklist (validation messages, select placeholders, the date
// picker's calendar), the diagram's zoom buttons, the app names in the header's app switcher and Tasklist's notice
// for a task that is gone. This module,
// loaded by each app's config.js, puts them into Chinese as they appear. The rest comes from locales/zh.json.

const EXACT = new Map([
  ['Field is required.', '此项必填。'],
  ['Date and time must both be entered.', '日期和时间都要填写。'],
  ['Field must be a valid email.', '请填写有效的电子邮箱。'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)', '请填写有效的电话号码。'],
  ['Search', '搜索'],
  ['Select', '请选择'],
  ['No results', '没有匹配的选项'],
  ['Please select', '请选择'],
  ['Date', '日期'],
  ['Time', '时间'],
  ['mm/dd/yyyy', '月/日/年'],
  ['hh:mm', '时:分'],
  ['hh:mm ?m', '时:分'],
  ['Remove', '移除'],
  ['Today', '今天'],
  ['Clear', '清除'],
  ['Close', '关闭'],
  ['previous', '上一页'],
  ['next', '下一页'],
  ['January', '一月'], ['February', '二月'], ['March', '三月'], ['April', '四月'], ['May', '五月'], ['June', '六月'],
  ['July', '七月'], ['August', '八月'], ['September', '九月'], ['October', '十月'], ['November', '十一月'],
  ['December', '十二月'],
  ['Sun', '日'], ['Mon', '一'], ['Tue', '二'], ['Wed', '三'], ['Thu', '四'], ['Fri', '五'], ['Sat', '六']
]);

const PATTERNS = [
  [/^Field must match pattern .*\.$/s, () => '格式不正确。'],
  [/^Field must have minimum value of (.*)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `至少 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `最多 ${m[1]} 个字。`],
  [/^Date must match pattern .*$/, () => '日期格式不正确。'],
  [/^(.+?) is required\.$/, () => '此项必填。']
];

// A notice about a task that is gone (a stale link, a task a colleague finished): Tasklist titles it 该任务已不存在
// itself and shows the server's English after its own debugging prefix.
const TASK_GONE = /^<task> <- No matching task with id (.+)$/;

// Texts that are translated only inside these parts of the page; nothing else is touched.
const FORMS = '.fjs-container, .flatpickr-calendar';
const HEADER = '[cam-widget-header], .navbar';
const DIAGRAM = '.navigation.zoom, .navigation.reset, [cam-widget-bpmn-viewer], [cam-widget-dmn-viewer]';
// Tasklist's own calendar (follow-up and due dates) and Cockpit's table headers written into the page
const CALENDAR = '[uib-datepicker], .uib-datepicker, [uib-daypicker], .uib-daypicker, [uib-monthpicker], '
  + '[uib-yearpicker], .uib-datepicker-popup';
// (Cockpit's variables table writes its headings as td cells of the thead)
const HEADINGS = 'th, thead td';
// the apps' notices (errors and successes above the page)
const NOTICES = '.notifications';
const SCOPE = [FORMS, HEADER, DIAGRAM, CALENDAR, HEADINGS, NOTICES].join(', ');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

const TABLE_HEADINGS = new Map([['Actions', '操作']]);

const APPS = new Map([['Cockpit', '监控'], ['Tasklist', '任务'], ['Admin', '系统管理'], ['Welcome', '首页']]);

const ZOOM = new Map([['zoom in', '放大'], ['zoom out', '缩小'], ['reset zoom', '还原大小']]);

function chinese(text, element) {
  const trimmed = text.trim();
  if (!trimmed || !element) {
    return null;
  }
  if (element.closest(HEADER) && APPS.has(trimmed)) {
    return text.replace(trimmed, APPS.get(trimmed));
  }
  if (ZOOM.has(trimmed)) {
    return text.replace(trimmed, ZOOM.get(trimmed));
  }
  if (element.closest(NOTICES)) {
    const gone = trimmed.match(TASK_GONE);
    return gone ? text.replace(trimmed, `任务编号 ${gone[1]}：可能已被他人办理完毕或已撤销`) : null;
  }
  if (element.closest(HEADINGS) && TABLE_HEADINGS.has(trimmed)) {
    return text.replace(trimmed, TABLE_HEADINGS.get(trimmed));
  }
  if (element.closest(CALENDAR)) {
    const month = trimmed.match(/^([A-Z][a-z]+) (\d{4})$/);
    if (month && MONTHS.includes(month[1])) {
      return text.replace(trimmed, `${month[2]}年${MONTHS.indexOf(month[1]) + 1}月`);
    }
  } else if (!element.closest(FORMS)) {
    return null;
  }
  const exact = EXACT.get(trimmed);
  if (exact) {
    return text.replace(trimmed, exact);
  }
  for (const [pattern, translate] of PATTERNS) {
    const match = trimmed.match(pattern);
    if (match) {
      return text.replace(trimmed, translate(match));
    }
  }
  return null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    if (parent && parent.closest(SCOPE) && !parent.closest('textarea')) {
      const zh = chinese(node.nodeValue, parent);
      if (zh !== null && zh !== node.nodeValue) {
        node.nodeValue = zh;
      }
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const elements = node.matches(SCOPE) || node.closest(SCOPE) ? [node, ...node.querySelectorAll('*')]
    : [...node.querySelectorAll(SCOPE)].flatMap((root) => [root, ...root.querySelectorAll('*')]);
  for (const element of elements) {
    for (const attribute of ['placeholder', 'aria-label', 'title']) {
      const value = element.getAttribute(attribute);
      const zh = value && chinese(value, element);
      if (zh && zh !== value) {
        element.setAttribute(attribute, zh);
      }
    }
    if (element.tagName !== 'TEXTAREA' && element.tagName !== 'INPUT') {
      for (const child of element.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          translateNode(child);
        }
      }
    }
  }
}

const observer = new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateNode(mutation.target);
    } else if (mutation.type === 'attributes') {
      translateNode(mutation.target);
    } else {
      mutation.addedNodes.forEach(translateNode);
    }
  }
});

observer.observe(document.documentElement, {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder', 'aria-label', 'title']
});
translateNode(document.body);

export default [];
