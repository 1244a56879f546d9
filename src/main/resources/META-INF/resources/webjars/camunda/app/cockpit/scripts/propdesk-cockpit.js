// Cockpit offers every operator the buttons that change running cases (add, edit or delete a variable, suspend,
// cancel), and the engine refuses them to those without the right: a manager or an auditor reads Cockpit. This
// script asks the engine once per page whether the user may change process instances at all and, if not, the
// style sheet leaves those buttons out.

const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const engineApi = appRoot + '/api/engine/engine/default';

function allowed(permission, resourceName, resourceType) {
  return fetch(engineApi + '/authorization/check?permissionName=' + permission + '&resourceName=' + resourceName
    + '&resourceType=' + resourceType, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((answer) => (answer.ok ? answer.json() : {authorized: false}))
    .then((check) => check.authorized === true)
    .catch(() => false);
}

function checkChanges() {
  // the rights Cockpit's instance actions need: on every instance, or on the instances of every definition
  Promise.all([allowed('UPDATE', 'processInstance', 8), allowed('UPDATE_INSTANCE', 'processDefinition', 6)])
    .then((rights) => document.body.classList.toggle('propdesk-may-change-instances', rights.includes(true)));
}

let lastRoute = null;
window.addEventListener('hashchange', () => {
  const route = window.location.hash.split('?')[0].split('/').slice(0, 2).join('/');
  if (route !== lastRoute) {
    lastRoute = route;
    checkChanges();
  }
});
checkChanges();

export default [];
