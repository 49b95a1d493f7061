// Time-ordered identifiers: valid version 7 UUIDs that sort in the order they were made.

import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../src/core/ids';

describe('timeOrderedId', () => {
  it('is a version 7 UUID carrying the time it was made', () => {
    const id = timeOrderedId(1_764_460_800_123);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(1_764_460_800_123);
  });

  it('sorts by time as text, and differs within one millisecond', () => {
    const ids = [1_000, 2_000, 2_001, 1_764_460_800_000, 2 ** 47].map((t) => timeOrderedId(t));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 1_000 }, () => timeOrderedId(5_000)));
    expect(same.size).toBe(1_000);
  });
});
