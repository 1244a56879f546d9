// The form's checks that run in the browser before the server's guard: every input has a key and a label, and no two
// inputs write the same variable. Their problems name the component's id, which the editor marks.

const INPUTS = new Set(['textfield', 'textarea', 'number', 'datetime', 'select', 'radio', 'checklist', 'taglist', 'checkbox']);

/** @returns the problems of a form-js schema, as {@code { source: 'lint', level, elementId, message }} */
export function lint(schema) {
  const problems = [];
  const keys = new Map();
  const problem = (level, elementId, message) => problems.push({ source: 'lint', level, elementId, message });
  const walk = (components, path) => {
    for (const component of components || []) {
      if (INPUTS.has(component.type)) {
        const name = component.label ? `“${component.label}”` : component.id;
        if (!component.key) {
          problem('error', component.id, `字段 ${name} 没有键：提交的值没有变量名。`);
        } else {
          const variable = [...path, component.key].join('.');
          if (keys.has(variable)) {
            problem('error', component.id, `字段 ${name} 的键 ${variable} 与 ${keys.get(variable)} 重复：两个字段会写同一个变量。`);
          } else {
            keys.set(variable, component.id);
          }
        }
        if (!component.label) {
          problem('warning', component.id, `字段 ${component.key || component.id} 没有标签：办理人看不出该填什么。`);
        }
      }
      if (component.type === 'group') walk(component.components, component.path ? [...path, component.path] : path);
    }
  };
  walk(schema.components, []);
  return problems;
}

/** A stylesheet marking the components the problems name, errors over warnings. */
export function problemStyles(problems) {
  const levels = new Map();
  for (const { elementId, level } of problems) {
    if (elementId && levels.get(elementId) !== 'error') levels.set(elementId, level);
  }
  return [...levels].map(([id, level]) => `.fjs-element[data-id="${CSS.escape(id)}"] { outline: 2px solid ${
    level === 'error' ? '#c62828' : '#ef8c00'} !important; outline-offset: -2px; }`).join('\n');
}
