// Builds the browser pages (hashing page, staff dashboard, try-the-bot) into dist/web, served by the app.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src/web');
const pages = ['index', 'hash', 'staff', 'case'].filter((name) => existsSync(resolve(root, `${name}.html`)));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles: the pages are served with a strict Content-Security-Policy.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { input: Object.fromEntries(pages.map((name) => [name, resolve(root, `${name}.html`)])) },
  },
  worker: { format: 'es' },
});
