// PropDesk's settings of the Camunda webapp; the rest stays as Camunda ships it.
export default {
  app: {
    name: 'PropDesk 运行监控',
    vendor: '物业客服中心'
  },
  // PropDesk's own Chinese translation (locales/zh.json) for every browser; Camunda ships none.
  // Add 'en' to availableLocales to offer English to browsers that ask for it first.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // the few texts Camunda prints outside its locale files (form-js, zoom buttons, app names), in Chinese
  // ../propdesk/zh: texts Camunda prints outside its locale files, in Chinese; scripts/propdesk-cockpit: the
  // buttons that change running cases only for those who may change them
  customScripts: ['../propdesk/zh', 'scripts/propdesk-cockpit'],
  // no first-visit check against /camunda-welcome (404 here)
  disableWelcomeMessage: true
};
