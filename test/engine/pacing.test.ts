// The shared outbound bucket: one token or several at a time, never more than the rate allows.

import { afterEach, describe, expect, it } from 'vitest';
import { createSharedPacer } from '../../src/engine/pacing';
import { freshStore } from '../helpers';

describe.each(['sqlite', 'postgres'] as const)('outbound pacing on %s', (dialect) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('takes several tokens at once only while the bucket holds them all, then one at a time', async () => {
    const opened = await freshStore(dialect);
    cleanup = opened.cleanup;
    const clock = { t: 1_000_000 };
    const pacer = createSharedPacer(opened.store, () => clock.t);
    // A full bucket of 30: ten takes of three empty it.
    for (let i = 0; i < 10; i++) expect(await pacer.tryTake('telegram', 30, 3)).toBe(true);
    expect(await pacer.tryTake('telegram', 30, 3)).toBe(false);
    expect(await pacer.tryTake('telegram', 30)).toBe(false);
    // 50 ms later 1.5 tokens have flowed in: one, not three.
    clock.t += 50;
    expect(await pacer.tryTake('telegram', 30, 3)).toBe(false);
    expect(await pacer.take('telegram', 30, 3)).toBe(1);
    // A second's worth refills the bucket to its size, never beyond.
    clock.t += 5_000;
    expect(await pacer.take('telegram', 30, 3)).toBe(3);
    for (let i = 0; i < 9; i++) expect(await pacer.tryTake('telegram', 30, 3)).toBe(true);
    expect(await pacer.tryTake('telegram', 30)).toBe(false);
    // Another channel has its own bucket; a count beyond the rate is taken one at a time.
    expect(await pacer.take('line', 2, 5)).toBe(1);
  });
});
