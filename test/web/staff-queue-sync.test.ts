// The dashboard's queue when a full reload and the live stream overlap (src/web/staff/queue-sync.ts).

import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../src/staff/queue';
import { createQueueSync } from '../../src/web/staff/queue-sync';

const row = (id: string, step = 'welcome', updatedAt = 1): QueueRow => ({
  id,
  channel: 'telegram',
  user: `••••${id}`,
  locale: 'en',
  step,
  flags: [],
  status: 'open',
  unreachable: false,
  waitingSince: updatedAt,
  heldBy: null,
  updatedAt,
  demo: false,
});

const ids = (queue: Map<string, QueueRow> | null) => (queue ? [...queue.keys()].sort() : null);

describe('the queue when a reload and the stream overlap', () => {
  it('keeps a person the stream showed while the reload was in flight', () => {
    const sync = createQueueSync();
    const ticket = sync.begin();
    // The reload read the queue before "new" wrote; the stream shows "new" before the answer arrives.
    sync.saw('new', row('new'));
    expect(ids(sync.finish(ticket, [row('a'), row('b')]))).toEqual(['a', 'b', 'new']);
  });

  it('takes the row the stream delivered over the older one in the answer, and its removals', () => {
    const sync = createQueueSync();
    const ticket = sync.begin();
    sync.saw('a', row('a', 'age_check', 5));
    sync.saw('b', null);
    const queue = sync.finish(ticket, [row('a', 'welcome', 1), row('b'), row('c')])!;
    expect(ids(queue)).toEqual(['a', 'c']);
    expect(queue.get('a')!.step).toBe('age_check');
  });

  it('takes the answer as it is when nothing arrived meanwhile, and forgets what came before the reload began', () => {
    const sync = createQueueSync();
    sync.saw('old', row('old'));
    const ticket = sync.begin();
    expect(ids(sync.finish(ticket, [row('a')]))).toEqual(['a']);
    const next = sync.begin();
    expect(ids(sync.finish(next, []))).toEqual([]);
  });

  it('drops an answer older than one already applied, and a failed reload leaves nothing behind', () => {
    const sync = createQueueSync();
    const first = sync.begin();
    const second = sync.begin();
    sync.saw('x', row('x'));
    expect(ids(sync.finish(second, [row('a')]))).toEqual(['a', 'x']);
    expect(sync.finish(first, [row('stale')])).toBeNull();
    const failed = sync.begin();
    sync.abandon(failed);
    const last = sync.begin();
    expect(ids(sync.finish(last, [row('b')]))).toEqual(['b']);
    expect(sync.finish(failed, [row('late')])).toBeNull();
  });
});
