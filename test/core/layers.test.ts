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

/** The folders under src/ that a file's relative imports (types and `import()` included) land in, with the text that names each. */
function importedFolders(file: string): { folder: string; line: string }[] {
  const found: { folder: string; line: string }[] = [];
  const source = readFileSync(file, 'utf8');
  const matches = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms), ...source.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)];
  for (const match of matches) {
    const target = relative(SRC, resolve(dirname(file), match[1]!));
    found.push({ folder: target.split(/[\\/]/)[0]!, line: match[0].replace(/\s+/g, ' ') });
  }
  return found;
}

describe('layers', () => {
  it('reads relative imports, type-only, multi-line and dynamic ones included', () => {
    const folders = importedFolders(join(SRC, 'engine', 'changes.ts')).map((i) => i.folder);
    expect(folders).toContain('core');
    expect(folders).toContain('store');
    // src/cli.ts loads the staff commands and the partner helpers with import().
    const dynamic = importedFolders(join(SRC, 'cli.ts')).filter((i) => i.line.startsWith('import('));
    expect(dynamic.map((i) => i.folder)).toEqual(expect.arrayContaining(['staff', 'engine']));
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
