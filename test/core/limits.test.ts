// The limits shared with browser pages live in one module that imports nothing, and every side uses those values.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as limits from '../../src/core/limits';
import { MAX_FILES as SERVER_MAX_FILES, PDQ_QUALITY_THRESHOLD as SUBMISSION_THRESHOLD } from '../../src/core/submission';
import { PDQ_QUALITY_THRESHOLD, VPDQ_QUALITY_THRESHOLD } from '../../src/hashing/index';
import { MAX_BODY_BYTES, MAX_FILES } from '../../src/web/hash/submission-body';

describe('shared limits', () => {
  it('import nothing, so a page bundles only them', () => {
    const source = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'core', 'limits.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('are the values the server, the hashing code and the page use', () => {
    expect([SERVER_MAX_FILES, MAX_FILES]).toEqual([limits.MAX_FILES, limits.MAX_FILES]);
    expect([PDQ_QUALITY_THRESHOLD, VPDQ_QUALITY_THRESHOLD, SUBMISSION_THRESHOLD]).toEqual([50, 50, 50]);
    expect(MAX_BODY_BYTES).toBeLessThan(limits.MAX_SUBMISSION_BYTES);
  });
});
