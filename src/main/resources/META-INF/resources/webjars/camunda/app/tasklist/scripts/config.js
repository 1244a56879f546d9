// PropDesk's settings of the Camunda webapp; the rest stays as Camunda ships it.
export default {
  app: {
    name: 'PropDesk 任务',
    vendor: '物业客服中心'
  },
  // PropDesk's own Chinese translation (locales/zh.json) for every browser; Camunda ships none.
  // Add 'en' to availableLocales to offer English to browsers that ask for it first.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // no first-visit check against /camunda-welcome (404 here)
  disableWelcomeMessage: true,
  // ../propdesk/zh: the few texts Camunda prints outside its locale files (form-js, zoom buttons, app names),
  // in Chinese; scripts/propdesk-tasklist: P1–P4 and due times on the cards, the new case's number after a
  // start, "Create task" only where allowed
  customScripts: ['../propdesk/zh', 'scripts/propdesk-tasklist'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '焦点移到第一个筛选器'},
    focusList: {key: 'ctrl+alt+l', description: '焦点移到列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
