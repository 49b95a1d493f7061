// A case status a platform reported outside the partner API (by e-mail, by phone), recorded by staff.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { FEEDBACK, scheduleDigest, type Feedback } from '../engine/cases';

type Tx = Transaction<Database> | Kysely<Database>;

/** The statuses staff can record: the same feedback partners give through the API. */
export const STAFF_REPORT_STATUSES = FEEDBACK;

/**
 * Appends the report to the case's history (source `staff`, the platform's name in `note`, as it
 * is no partner of the API) and queues the news for the person through the case digest.
 */
export async function recordStaffCaseReport(tx: Tx, input: { caseId: string; platform: string; status: Feedback; at: number }): Promise<void> {
  await tx
    .insertInto('case_events')
    .values({ case_id: input.caseId, hash_id: null, partner_id: null, source: 'staff', status: input.status, note: input.platform, at: input.at })
    .execute();
  const row = await tx.selectFrom('cases').select('conversation_id').where('id', '=', input.caseId).executeTakeFirst();
  if (row?.conversation_id) await scheduleDigest(tx, row.conversation_id, input.at);
}
