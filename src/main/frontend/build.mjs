// Bundles PropDesk's own web pages for Spring Boot to serve: the auditors' view at /audit/, the service desk's
// console at /desk/ and the managers' console at /manage/, each one script, one stylesheet and its page, sharing the
// API, DOM and label modules.
// Maven runs it (npm run build -- --outdir=.../static) into target/classes, so nothing built is ever committed.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const argument = process.argv.find((a) => a.startsWith('--outdir='));
const staticDir = argument ? argument.slice('--outdir='.length) : '../../../target/classes/static';

const pages = [
  { dir: 'audit', script: 'src/main.js', page: 'src/index.html' },
  { dir: 'desk', script: 'src/desk/main.js', page: 'src/desk/index.html' },
  { dir: 'manage', script: 'src/manage/main.js', page: 'src/manage/index.html' },
];

for (const { dir, script, page } of pages) {
  const outdir = join(staticDir, dir);
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: { app: script },
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
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
