// Turns a validated submission into a case: token consumed, hashes stored, the chat told, all in one transaction.

import { randomUUID } from 'node:crypto';
import type { Store } from '../store/database';
import { createCaseNumber } from '../core/case-number';
import type { Submission, SubmittedFile } from '../core/submission';
import type { Engine, HandleResult } from './engine';
import { hashToken, spendHandoffToken } from './tokens';
import { setCaseStatus } from './cases';
import { isDemo } from '../core/demo';
import { engineTx } from '../store/engine-store';
import { createPin } from './case-pin';
import { hashPassword } from '../staff/passwords';

export type SubmitOutcome =
  /** `pin` exists only in this answer: the case keeps its scrypt. */
  | { ok: true; caseNumber: string; pin: string }
  | { ok: false; status: 401 | 410; error: string };

/** Records submissions for conversations. */
export interface SubmissionService {
  submit(submission: Submission): Promise<SubmitOutcome>;
}

/** One hash of a submitted file, as stored. */
export interface HashRecord {
  signal_type: string;
  media_type: string;
  value: string;
  quality: number | null;
}

/** One row per signal, in the vocabulary of the hash-sharing programmes (signal type + media type). */
export function hashRecords(file: SubmittedFile): HashRecord[] {
  const media = file.type;
  const rows: HashRecord[] = [
    { signal_type: 'md5', media_type: media, value: file.md5, quality: null },
    { signal_type: 'sha256', media_type: media, value: file.sha256, quality: null },
  ];
  if (file.type === 'image' && file.pdq !== undefined) rows.push({ signal_type: 'pdq', media_type: media, value: file.pdq, quality: file.quality ?? null });
  if (file.type === 'video') {
    // Identical frames (a still scene) are one hash, kept at the first frame's quality.
    const seen = new Set<string>();
    for (const frame of file.vpdq ?? []) {
      if (seen.has(frame.pdq)) continue;
      seen.add(frame.pdq);
      rows.push({ signal_type: 'vpdq', media_type: media, value: frame.pdq, quality: frame.quality });
    }
  }
  return rows;
}

export function createSubmissionService(options: { store: Store; engine: Engine; now?: () => number }): SubmissionService {
  const { store, engine } = options;
  const now = options.now ?? Date.now;
  const isPg = store.dialect === 'postgres';

  return {
    async submit(submission) {
      const at = now();
      // Hashed before the transaction: scrypt takes tens of milliseconds, and no lock need wait for it.
      const pin = createPin();
      const pinHash = await hashPassword(pin);
      let result: HandleResult | null = null;
      const outcome = await store.db.transaction().execute(async (tx): Promise<SubmitOutcome> => {
        const token = await tx
          .selectFrom('handoff_tokens')
          .selectAll()
          .where('token_hash', '=', hashToken(submission.token))
          .executeTakeFirst();
        if (!token) return { ok: false, status: 401, error: 'This link is not valid. Ask the bot for a new one.' };
        if (token.used_at !== null) return { ok: false, status: 410, error: 'This link was already used. Ask the bot for a new one.' };
        if (token.expires_at <= at) return { ok: false, status: 410, error: 'This link has expired. Ask the bot for a new one.' };
        // One use spends the link, whichever of its sibling tokens (retries of one message) was used.
        if (!(await spendHandoffToken(tx, token, at, isPg))) return { ok: false, status: 410, error: 'This link was already used. Ask the bot for a new one.' };

        const conversation = await tx.selectFrom('conversations').select(['id', 'locale', 'channel', 'user_id']).where('id', '=', token.conversation_id).executeTakeFirst();
        // Anyone on the internet can use the public demo: its cases get a number but never reach a platform.
        const demo = conversation !== undefined && isDemo(conversation.channel, conversation.user_id);
        const caseId = randomUUID();
        const caseNumber = await uniqueCaseNumber(async (n) => !(await tx.selectFrom('cases').select('id').where('case_number', '=', n).executeTakeFirst()));
        await tx
          .insertInto('cases')
          .values({ id: caseId, case_number: caseNumber, conversation_id: conversation?.id ?? null, locale: conversation?.locale ?? null, status: 'received', demo: demo ? 1 : 0, created_at: at, updated_at: at, pin_hash: pinHash })
          .execute();
        const seen = new Set<string>();
        const rows = submission.files.flatMap(hashRecords).filter((r) => {
          const key = `${r.signal_type}:${r.media_type}:${r.value}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        await tx
          .insertInto('case_hashes')
          .values(rows.map((r) => ({ ...r, case_id: caseId, created_at: at })))
          .execute();
        await tx.insertInto('case_events').values({ case_id: caseId, hash_id: null, partner_id: null, source: 'person', status: 'received', note: null, at }).execute();
        // Shared with platforms at once: the hashes are the person's own, and nothing in them can identify anyone.
        // A demo case stays received: there is nothing to share and no news to tell.
        if (!demo) await setCaseStatus(tx, store.dialect, caseId, 'active', at);
        if (conversation) {
          result = await engine.handleIn(engineTx(tx, store), {
            type: 'submitted',
            conversationId: conversation.id,
            caseNumber,
            fileCount: submission.files.length,
            ...(demo ? { demo: true } : {}),
            dedupeKey: `submitted:${caseId}`,
            at,
          });
        }
        return { ok: true, caseNumber, pin };
      });
      if (result) engine.committed(result);
      return outcome;
    },
  };
}

async function uniqueCaseNumber(isFree: (n: string) => Promise<boolean>): Promise<string> {
  for (let i = 0; i < 10; i++) {
    const n = createCaseNumber();
    if (await isFree(n)) return n;
  }
  throw new Error('could not find a free case number');
}
