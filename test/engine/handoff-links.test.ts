// Handoff links tied to the message that carries them: retries add working siblings, one use spends all, a new link cancels old ones.

import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, issueHandoffToken, spendHandoffToken } from '../../src/engine/tokens';
import type { Store } from '../../src/store/database';
import { DIALECTS, freshStore } from '../helpers';

describe.each(DIALECTS)('handoff links on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  const row = (token: string) => store.db.selectFrom('handoff_tokens').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();

  it('keeps every attempt of one message working until one is used, and cancels them for a new message', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const first = await issueHandoffToken(store.db, 'c1', 1_000, 41);
    const retry = await issueHandoffToken(store.db, 'c1', 2_000, 41);
    const elsewhere = await issueHandoffToken(store.db, 'c2', 2_000, 40);
    expect(await row(first)).toMatchObject({ outbox_id: 41, used_at: null });
    expect(await row(retry)).toMatchObject({ outbox_id: 41, used_at: null });

    // The person asks for a new link: a new message, and the old links stop working.
    const fresh = await issueHandoffToken(store.db, 'c1', 3_000, 42);
    expect(await row(first)).toBeUndefined();
    expect(await row(retry)).toBeUndefined();
    expect(await row(elsewhere)).toBeDefined();

    const again = await issueHandoffToken(store.db, 'c1', 4_000, 42);
    expect(await spendHandoffToken(store.db, (await row(again))!, 5_000)).toBe(true);
    expect((await row(fresh))?.used_at).toBe(5_000);
    expect(await spendHandoffToken(store.db, (await row(fresh))!, 6_000)).toBe(false);
    expect((await row(elsewhere))?.used_at).toBeNull();
  });

  it('an id-less link (issued outside the outbox) still cancels every older unused one', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const a = await issueHandoffToken(store.db, 'c1', 1_000, 7);
    const b = await issueHandoffToken(store.db, 'c1', 2_000);
    expect(await row(a)).toBeUndefined();
    expect(await row(b)).toMatchObject({ outbox_id: null });
  });
});
