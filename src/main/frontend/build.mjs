// Bundles PropDesk's own web pages for Spring Boot to serve: the auditors' view at /audit/, the service desk's
// console at /desk/ and the managers' console at /manage/, each one script, one stylesheet and its page, sharing the
// API, DOM and label modules.
// Maven runs it (npm run build -- --outdir=.../static) into target/classes, so nothing built is ever committed.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const argument = process.argv.find((a) => a.startsWith('--outdir='));
const staticDir = argument ? argument.slice('--outdir='.length) : '../../../target/classes/static';

// The managers' console loads its editors (bpmn-js modeler, dmn-js, form-js editor) only when one is opened: each is
// an entry of its own, imported on demand as an ES module, with its stylesheet beside it (edit-<kind>.css); the
// libraries it shares with the console's diagram viewer go into shared chunks.
const pages = [
  { dir: 'audit', entries: { app: 'src/main.js' }, page: 'src/index.html' },
  { dir: 'desk', entries: { app: 'src/desk/main.js' }, page: 'src/desk/index.html' },
  {
    dir: 'manage',
    entries: {
      app: 'src/manage/main.js',
      'edit-process': 'src/manage/edit/process.js',
      'edit-decision': 'src/manage/edit/decision.js',
      'edit-form': 'src/manage/edit/form.js',
    },
    page: 'src/manage/index.html',
    modules: true,
  },
];

for (const { dir, entries, page, modules } of pages) {
  const outdir = join(staticDir, dir);
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: entries,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: modules ? 'esm' : 'iife',
    splitting: Boolean(modules),
    chunkNames: 'chunk-[hash]',
    target: ['es2020'],
    outdir,
    // bpmn-js's stylesheets embed their images as data URIs; anything else they name is bundled beside them
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(page, join(outdir, 'index.html'));
  console.log(`${dir} page bundled into ${outdir}`);
}
