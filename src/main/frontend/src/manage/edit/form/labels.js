// The Chinese names managers read in the form editor. form-js 1.10 has no translation service: the components' names
// are set where the palette takes them (each registered field's config); the palette's groups and the properties
// panel's labels are constants of the editor's own rendering, so they are replaced in the editor's DOM by exact text
// (see translate()).

/** The component types PropDesk's form guard allows and Tasklist 7.24 renders, with their Chinese names. */
export const COMPONENTS = {
  textfield: '单行文本',
  textarea: '多行文本',
  number: '数字',
  datetime: '日期时间',
  select: '下拉选择',
  radio: '单选',
  checklist: '多选',
  taglist: '标签选择',
  checkbox: '勾选框',
  group: '分组',
  text: '说明文字',
  separator: '分隔线',
  spacer: '空白',
};

/** Exact texts of the editor's own interface → Chinese. */
export const TEXTS = {
  // the palette
  Components: '组件',
  Input: '输入',
  Selection: '选择',
  Presentation: '展示',
  Containers: '容器',
  // the properties panel's groups
  General: '常规',
  Condition: '条件',
  Layout: '布局',
  Appearance: '外观',
  Serialization: '保存格式',
  Constraints: '限制',
  Validation: '校验',
  'Dynamic options': '选项变量',
  // its header and entries
  Form: '表单',
  'Search components': '搜索组件',
  'No components found.': '没有找到组件。',
  'Field label': '标签',
  'Group label': '标签',
  Label: '标签',
  Key: '键',
  'Field description': '说明',
  Description: '说明',
  'Default value': '默认值',
  Required: '必填',
  'Read only': '只读',
  Disabled: '禁用',
  Text: '文本',
  Value: '值',
  Columns: '列宽',
  Auto: '自动',
  'Hide if': '满足条件时隐藏',
  'Minimum length': '最短长度',
  'Maximum length': '最长长度',
  Minimum: '最小值',
  Maximum: '最大值',
  'Validation pattern': '格式',
  'Custom regular expression': '自定义正则表达式',
  Custom: '自定义',
  Email: '电子邮件',
  Phone: '电话',
  Type: '类型',
  Searchable: '可搜索',
  'Show outline': '显示边框',
  Path: '数据路径',
  Height: '高度',
  Prefix: '前缀',
  Suffix: '后缀',
  'Decimal digits': '小数位数',
  Increment: '步长',
  'Output as string': '保存为文本',
  Subtype: '类型',
  Date: '日期',
  Time: '时间',
  'Date & Time': '日期和时间',
  'Date label': '日期标签',
  'Time label': '时间标签',
  'Use 24h': '24 小时制',
  'Disallow past dates': '不允许过去的日期',
  'Time format': '时间格式',
  'Time interval': '时间间隔',
  'Static': '固定选项',
  'Input data': '流程变量',
  'Expression': '表达式',
  'Input values key': '选项变量名',
  'Options expression': '选项表达式',
  'Static options': '选项',
  'Options source': '选项来源',
  'Select a form field to edit its properties.': '选择一个组件以编辑它的属性。',
  'Not checked': '未勾选',
  Checked: '已勾选',
  'Binds to a form variable': '提交时保存到这个变量名',
  'Where the child variables of this component are pathed to.': '分组内字段的变量放在这个名字之下。',
  'Define which input property to populate the values from': '从哪个流程变量取选项',
  'Define an expression to populate the options from.': '用表达式生成选项。',
  'Height of the container in pixels.': '高度（像素）。',
  'Add': '添加',
  'Remove': '删除',
  'Delete': '删除',
  'Copy': '复制',
};

/** Texts made of a constant and a component's name. */
const PATTERNS = [
  [/^Create an? (.+) element$/, '添加$1'],
];

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

/** Where the form's own words are: the form as drawn and the panel's text editors. */
const OWN_WORDS = '.fjs-form-container, .cm-editor, [contenteditable]';

/** The Chinese for an English text of the editor; null for any other text, including Chinese already. */
function chinese(text) {
  if (TEXTS[text]) return TEXTS[text];
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(text)) return text.replace(pattern, replacement);
  }
  return null;
}

/**
 * Keeps the editor's interface in Chinese: replaces the known English texts of the palette and the properties panel
 * in {@code root} now and whenever the editor renders again. Only a text node's data or an attribute is changed, never
 * a node, so the editor's own rendering keeps its references.
 * @returns a function that stops it
 */
export function translate(root) {
  const replace = (node) => {
    // a label a manager wrote stays as written, even when it is one of the editor's own words
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!element || element.closest(OWN_WORDS)) return;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.data.trim();
      const replacement = text && chinese(text);
      if (replacement && replacement !== text) node.data = node.data.replace(text, replacement);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      for (const name of ATTRIBUTES) {
        const replacement = node.hasAttribute(name) && chinese(node.getAttribute(name));
        if (replacement && replacement !== node.getAttribute(name)) node.setAttribute(name, replacement);
      }
    }
  };
  const visit = (node) => {
    replace(node);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) replace(n);
  };
  visit(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') mutation.addedNodes.forEach(visit);
      else visit(mutation.target);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}
