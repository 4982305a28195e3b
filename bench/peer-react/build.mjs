// Production build: one minified ESM bundle (app.js), one CSS file (app.css), index.html.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
await build({
  entryPoints: { app: 'src/main.jsx' },
  outdir: 'dist',
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
copyFileSync('src/index.html', 'dist/index.html');
for (const f of ['index.html', 'app.js', 'app.css']) console.log(`dist/${f}  ${statSync(`dist/${f}`).size} bytes`);
