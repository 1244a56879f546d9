// PropDesk's settings of the Camunda webapp; the rest stays as Camunda ships it.
export default {
  app: {
    name: 'PropDesk',
    vendor: '物业客服中心'
  },
  // no first-visit check against /camunda-welcome (404 here)
  disableWelcomeMessage: true
};
