// PropDesk's additions to Tasklist, loaded by config.js (customScripts). Tasklist itself stays as Camunda ships
// it; this script only reads the page and PropDesk's API and adds to what staff see:
//  - a task's priority as the case's P1–P4 (Tasklist shows the engine's number: 100, 75, 50, 25);
//  - the due time as a clock time beside Tasklist's "in 15 minutes" (a phone has no tooltip);
//  - "Create task" only for those who may create tasks (hidden by user-styles.css until checked);
//  - after a case is started from a start form, its number and tracking link, to read to the caller;
//  - on a phone, the open task's form instead of the filters and the list above it.

const appRoot = document.querySelector('base').getAttribute('app-root');
const engineApi = appRoot + '/api/engine/engine/default';

/** Task priorities of P1–P4 as PropDesk sets them (sla/TaskDeadlines): P1 100, P2 75, P3 50, P4 25. */
function priorityCode(value) {
  const n = Number(value);
  if (Number.isNaN(n)) return null;
  if (n >= 100) return 'P1';
  if (n >= 75) return 'P2';
  if (n >= 50) return 'P3';
  return 'P4';
}

function decorateCards() {
  document.querySelectorAll('.tasks-list .task .priority').forEach((element) => {
    const code = priorityCode(element.textContent.trim());
    if (code && element.dataset.priority !== code) {
      element.dataset.priority = code;
      element.setAttribute('title', '优先级 ' + code);
    }
  });
  document.querySelectorAll('.tasks-list .task .due-date').forEach((due) => {
    const exact = due.querySelector('[uib-tooltip]');
    const text = exact && exact.getAttribute('uib-tooltip');
    let shown = due.querySelector('.propdesk-due-at');
    if (!text) return;
    if (!shown) {
      shown = document.createElement('span');
      shown.className = 'propdesk-due-at';
      due.appendChild(shown);
    }
    if (shown.textContent !== '（' + text + '）') shown.textContent = '（' + text + '）';
  });
}

/** Shows "Create task" only to a user the engine allows to create tasks (checked again after each log-in). */
function checkTaskCreation() {
  fetch(engineApi + '/authorization/check?permissionName=CREATE&resourceName=task&resourceType=7',
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((answer) => (answer.ok ? answer.json() : {authorized: false}))
    .then((check) => document.body.classList.toggle('propdesk-may-create-task', check.authorized === true))
    .catch(() => document.body.classList.remove('propdesk-may-create-task'));
}

/** Shows "Start process" only to a user who may start one of the processes Tasklist offers. */
function checkProcessStart() {
  fetch(engineApi + '/process-definition/count?latestVersion=true&active=true&startableInTasklist=true'
    + '&startablePermissionCheck=true',
  {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((answer) => (answer.ok ? answer.json() : {count: 0}))
    .then((startable) => document.body.classList.toggle('propdesk-may-start-process', startable.count > 0))
    .catch(() => document.body.classList.remove('propdesk-may-start-process'));
}

/**
 * The open task's dates and groups are edited with the right to update the task (by default management and
 * administrators); for everybody else the due date stays shown but not editable, and "add group", "reset assignee"
 * and the date links are not offered (the engine would refuse them).
 */
let checkedTask = null;
function checkTaskUpdate() {
  const match = window.location.hash.match(/[?&]task=([^&]+)/);
  const task = match ? decodeURIComponent(match[1]) : null;
  if (task === checkedTask) return;
  checkedTask = task;
  document.body.classList.remove('propdesk-may-update-task');
  if (!task) return;
  fetch(engineApi + '/authorization/check?permissionName=UPDATE&resourceName=task&resourceType=7&resourceId='
    + encodeURIComponent(task), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((answer) => (answer.ok ? answer.json() : {authorized: false}))
    .then((check) => {
      if (checkedTask === task) document.body.classList.toggle('propdesk-may-update-task', check.authorized === true);
    })
    .catch(() => {});
}

/** After a start form is submitted: the new case's number and the owner's tracking link. */
function announceCase(caseNo) {
  const notice = document.createElement('div');
  notice.className = 'propdesk-case-started alert alert-success';
  notice.setAttribute('role', 'status');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', '关闭');
  close.addEventListener('click', () => notice.remove());
  const title = document.createElement('strong');
  title.textContent = '已受理：事项编号 ';
  const number = document.createElement('span');
  number.className = 'propdesk-case-no';
  number.textContent = caseNo;
  const text = document.createElement('textarea');
  text.className = 'propdesk-case-text form-control';
  text.readOnly = true;
  text.rows = 2;
  text.value = '已受理：事项编号 ' + caseNo;
  notice.append(close, title, number, text);
  document.body.appendChild(notice);
  text.addEventListener('focus', () => text.select());
  fetch(appRoot.replace(/\/camunda$/, '') + '/api/cases/' + encodeURIComponent(caseNo) + '/receipt',
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((answer) => (answer.ok ? answer.json() : null))
    .then((receipt) => {
      if (!receipt) return;
      const link = window.location.origin + appRoot.replace(/\/camunda$/, '') + '/track/'
        + encodeURIComponent(receipt.caseNo) + '?token=' + encodeURIComponent(receipt.trackingToken);
      text.value = '已受理：事项编号 ' + receipt.caseNo + '\n查询链接 ' + link
        + (receipt.answer ? '\n已自动答复：' + receipt.answer : '');
      text.rows = receipt.answer ? 6 : 3;
    })
    .catch(() => {});
}

// Tasklist starts a process with the engine REST API (submit-form or start); the answer names the new instance,
// whose business key is the case number PropDesk gave it.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && /\/process-definition\/[^?]*\/(submit-form|start)(\?|$)/.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status !== 200) return;
      try {
        const started = JSON.parse(this.responseText);
        if (started && started.businessKey) announceCase(started.businessKey);
      } catch (e) {
        // not a start answer: nothing to announce
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

/** On a phone, an open task hides the filters and the list; "返回任务列表" brings them back. */
function followSelectedTask() {
  const taskOpen = /[?&]task=/.test(window.location.hash);
  document.body.classList.toggle('propdesk-task-open', taskOpen);
  let back = document.querySelector('.propdesk-back-to-list');
  if (taskOpen && !back) {
    const details = document.querySelector('.column.task-details .three-cols-layout-cell.content, .column.task-details');
    if (!details) return;
    back = document.createElement('button');
    back.type = 'button';
    back.className = 'btn btn-default propdesk-back-to-list';
    back.textContent = '← 返回任务列表';
    back.addEventListener('click', () => {
      window.location.hash = window.location.hash.replace(/([?&])task=[^&]*&?/, '$1').replace(/[?&]$/, '');
    });
    details.insertBefore(back, details.firstChild);
  }
}

let scheduled = false;
new MutationObserver(() => {
  if (scheduled) return;
  scheduled = true;
  window.requestAnimationFrame(() => {
    scheduled = false;
    decorateCards();
    followSelectedTask();
    checkTaskUpdate();
  });
}).observe(document.body, {childList: true, subtree: true, characterData: true});
let lastRoute = null;
window.addEventListener('hashchange', () => {
  followSelectedTask();
  const route = window.location.hash.split('?')[0];
  if (route !== lastRoute) {
    lastRoute = route;
    checkTaskCreation();
    checkProcessStart();
  }
});
checkTaskCreation();
checkProcessStart();
