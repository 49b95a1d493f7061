// Builds the browser pages once before the tests when dist/web is missing or older than its sources.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist', 'web');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function oldestPage(): number {
  const pages = readdirSync(join(ROOT, 'src', 'web')).filter((name) => name.endsWith('.html'));
  const built = pages.map((name) => join(OUT, name));
  if (pages.length === 0 || built.some((file) => !existsSync(file))) return 0;
  return Math.min(...built.map((file) => statSync(file).mtimeMs));
}

/** Vitest global setup: `vite build` when any page source, staff locale or the Vite config is newer than the build. */
export default function setup(): void {
  const sources = Math.max(newest(join(ROOT, 'src', 'web')), newest(join(ROOT, 'locales')), newest(join(ROOT, 'vite.config.ts')));
  if (oldestPage() >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}
