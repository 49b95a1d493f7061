// Handoff links tied to the message that carries them: retries add working siblings, one use spends all, a new link cancels old ones.

import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, issueHandoffToken, spendHandoffToken } from '../../src/engine/tokens';
import type { Store } from '../../src/store/database';
import type { Submission } from '../../src/core/submission';
import { createSubmissionService } from '../../src/engine/submissions';
import { createEngine } from '../../src/engine/engine';
import { createTranslator } from '../../src/engine/i18n';
import { DIALECTS, freshStore } from '../helpers';

const image = { type: 'image', md5: 'd41d8cd98f00b204e9800998ecf8427e', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', pdq: 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22', quality: 100 } as Submission['files'][number];

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

  it('spends a sibling minted after the link was used, and lets only one of two racing siblings make a case', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const used = await issueHandoffToken(store.db, 'c1', 1_000, 9);
    expect(await spendHandoffToken(store.db, (await row(used))!, 2_000)).toBe(true);
    // A retry of the same message after the person already used its first link.
    const late = await issueHandoffToken(store.db, 'c1', 3_000, 9);
    expect(await spendHandoffToken(store.db, (await row(late))!, 4_000)).toBe(false);

    const translator = await createTranslator();
    const submissions = createSubmissionService({ store, engine: createEngine({ store, translator }) });
    const a = await issueHandoffToken(store.db, 'c2', Date.now(), 10);
    const b = await issueHandoffToken(store.db, 'c2', Date.now(), 10);
    const outcomes = await Promise.all([a, b].map((token) => submissions.submit({ token, files: [image] })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ status: 410 });
    expect(await store.db.selectFrom('cases').select('id').execute()).toHaveLength(1);
  });

  it('an id-less link (issued outside the outbox) still cancels every older unused one', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const a = await issueHandoffToken(store.db, 'c1', 1_000, 7);
    const b = await issueHandoffToken(store.db, 'c1', 2_000);
    expect(await row(a)).toBeUndefined();
    expect(await row(b)).toMatchObject({ outbox_id: null });
  });
});
