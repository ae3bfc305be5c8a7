// Bundles src/ into dist/ (app.js, app.css, index.html, assets/) with esbuild; no CDN, no
// network at run time. `node build.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';

const watch = process.argv.includes('--watch');

await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
await cp('src/index.html', 'dist/index.html');
await cp('src/assets', 'dist/assets', { recursive: true });

const options = {
  entryPoints: [
    { in: 'src/main.js', out: 'app' },
    { in: 'src/styles/app.css', out: 'app' },
  ],
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: !watch && process.env.PRESSKG_WEB_DEBUG !== '1',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('watching src/ ...');
} else {
  await esbuild.build(options);
  console.log('built web/dist');
}
