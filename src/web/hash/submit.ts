// Posts the hashes to POST /api/submissions and turns every possible answer into one of a few page outcomes.

/** What happened to one attempt to send. */
export type SendOutcome =
  /** `pin` is said only in this answer: the page shows it once. */
  | { kind: 'created'; caseNumber: string; pin?: string }
  /** 401/410: unknown, expired or already used link. Nothing was recorded. */
  | { kind: 'link-dead' }
  /** No answer at all: offline, dropped connection, timeout. The hashes are kept for a retry. */
  | { kind: 'offline' }
  /** An answer that is not a success (5xx, or a 4xx that should never happen). */
  | { kind: 'server-error'; status: number };

/** How long one attempt may take before it counts as no connection. */
const SEND_TIMEOUT_MS = 30_000;

/**
 * Sends one prepared body. The only request the page makes with the token, and it carries
 * nothing but the JSON: no credentials, no referrer, no cache.
 */
export async function sendSubmission(body: string, fetchImpl: typeof fetch = fetch): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetchImpl('/api/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'offline' };
  }
  if (response.status === 401 || response.status === 410) return { kind: 'link-dead' };
  if (response.status === 201) {
    const answer = (await response.json().catch(() => null)) as { caseNumber?: unknown; pin?: unknown } | null;
    if (typeof answer?.caseNumber === 'string') return { kind: 'created', caseNumber: answer.caseNumber, ...(typeof answer.pin === 'string' ? { pin: answer.pin } : {}) };
  }
  return { kind: 'server-error', status: response.status };
}
