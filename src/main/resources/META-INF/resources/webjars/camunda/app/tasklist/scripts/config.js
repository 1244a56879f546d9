// PropDesk's settings of the Camunda webapp; the rest stays as Camunda ships it.
export default {
  app: {
    name: 'PropDesk 任务',
    vendor: '物业客服中心'
  },
  // no first-visit check against /camunda-welcome (404 here)
  disableWelcomeMessage: true,
  // P1–P4 and due times on the cards, the new case's number after a start, "Create task" only where allowed
  customScripts: ['scripts/propdesk-tasklist'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
