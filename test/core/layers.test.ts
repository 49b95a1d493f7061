// The core owns the ports; channels plug into them and never reach into the engine, the core reaches into nothing of ours.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Every TypeScript file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The folders under src/ that a file's relative imports (types included) land in, with the line that names each. */
function importedFolders(file: string): { folder: string; line: string }[] {
  const found: { folder: string; line: string }[] = [];
  for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
    const target = relative(SRC, resolve(dirname(file), match[1]!));
    found.push({ folder: target.split(/[\\/]/)[0]!, line: match[0].replace(/\s+/g, ' ') });
  }
  return found;
}

describe('layers', () => {
  it('reads relative imports, type-only and multi-line ones included', () => {
    const file = join(SRC, 'engine', 'changes.ts');
    const folders = importedFolders(file).map((i) => i.folder);
    expect(folders).toContain('core');
    expect(folders).toContain('store');
  });

  it('no channel imports the engine', () => {
    const offending = sources(join(SRC, 'channels')).flatMap((file) =>
      importedFolders(file)
        .filter((i) => i.folder === 'engine')
        .map((i) => `${relative(SRC, file)}: ${i.line}`),
    );
    expect(offending).toEqual([]);
  });

  it('the core imports nothing of the rest of the service', () => {
    const offending = sources(join(SRC, 'core')).flatMap((file) =>
      importedFolders(file)
        .filter((i) => i.folder !== 'core')
        .map((i) => `${relative(SRC, file)}: ${i.line}`),
    );
    expect(offending).toEqual([]);
  });
});
