// The decision editor of the managers' console (placeholder until the editor lands): see ../main.js, openEditor().
export async function open() {
  throw new Error('编辑器尚未提供');
}
