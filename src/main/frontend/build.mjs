// Bundles PropDesk's own web pages for Spring Boot to serve: the auditors' view at /audit/, the service desk's
// console at /desk/, the phone page of work logs at /worklog/ and the managers' console at /manage/, each one script, one stylesheet and its page, sharing the
// API, DOM and label modules.
// Maven runs it (npm run build -- --outdir=.../static) into target/classes, so nothing built is ever committed.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const argument = process.argv.find((a) => a.startsWith('--outdir='));
const staticDir = argument ? argument.slice('--outdir='.length) : '../../../target/classes/static';

// The managers' console loads its editors (bpmn-js modeler, dmn-js, form-js editor) only when one is opened. They are
// a second build of their own (ES modules sharing chunks among themselves), which the console imports by file name
// (edit-<kind>.js, its stylesheet edit-<kind>.css beside it): bundled into the console's build, their stylesheets
// would go into the console's app.css and be loaded, and apply, on every page of it.
const pages = [
  { dir: 'audit', entries: { app: 'src/main.js' }, page: 'src/index.html' },
  { dir: 'desk', entries: { app: 'src/desk/main.js' }, page: 'src/desk/index.html' },
  { dir: 'worklog', entries: { app: 'src/worklog/main.js' }, page: 'src/worklog/index.html' },
  {
    dir: 'manage',
    entries: { app: 'src/manage/main.js' },
    lazy: {
      'edit-process': 'src/manage/edit/process.js',
      'edit-decision': 'src/manage/edit/decision.js',
      'edit-form': 'src/manage/edit/form.js',
    },
    page: 'src/manage/index.html',
  },
];

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ['es2020'],
  // bpmn-js's stylesheets embed their images as data URIs; anything else they name is bundled beside them
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  legalComments: 'linked',
  logLevel: 'warning',
};

/** Leaves the lazily loaded entries out of a page's own bundle: `import('./edit/process.js')` stays `import('./edit-process.js')`. */
function lazyEntries(lazy) {
  const names = new Map(Object.entries(lazy).map(([name, source]) => [source.replace(/^src\/manage\//, './'), name]));
  return {
    name: 'lazy-entries',
    setup(plugins) {
      plugins.onResolve({ filter: /^\.\/edit\// }, (args) => (names.has(args.path)
        ? { path: `./${names.get(args.path)}.js`, external: true }
        : undefined));
    },
  };
}

for (const { dir, entries, lazy, page } of pages) {
  const outdir = join(staticDir, dir);
  await mkdir(outdir, { recursive: true });
  await build({
    ...common,
    entryPoints: entries,
    format: lazy ? 'esm' : 'iife',
    plugins: lazy ? [lazyEntries(lazy)] : [],
    outdir,
  });
  if (lazy) {
    await build({ ...common, entryPoints: lazy, format: 'esm', splitting: true, chunkNames: 'chunk-[hash]', outdir });
  }
  await copyFile(page, join(outdir, 'index.html'));
  console.log(`${dir} page bundled into ${outdir}`);
}
