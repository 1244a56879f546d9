// Bundles the auditors' view for Spring Boot to serve at /audit/: one script, one stylesheet, the page.
// Maven runs it (npm run build -- --outdir=...) into target/classes, so nothing built is ever committed.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const argument = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = argument ? argument.slice('--outdir='.length) : '../../../target/classes/static/audit';

await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { app: 'src/main.js' },
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
await copyFile('src/index.html', join(outdir, 'index.html'));
console.log(`audit view bundled into ${outdir}`);
