// The live queue over server-sent events: a changed conversation's row as soon as it commits, heartbeats, and an end on sign-out.

import { streamSSE } from 'hono/streaming';
import type { StaffApi, StaffContext } from './context';
import { rememberDemo, wasDemo } from './demo';
import { readQueueRow } from './queue';
import { atLeast } from './roles';

/** Registers GET /events on the staff API. Demo conversations' events only for a supervisor who asks (?demo=1), as /queue. */
export function registerEventStream(api: StaffApi, ctx: StaffContext): void {
  api.get('/events', (c) => {
    const { session, token } = c.var;
    const demo = c.req.query('demo') === '1';
    if (demo && !atLeast(session.account.role, 'supervisor')) return c.json({ error: 'forbidden', message: 'supervisor role required' }, 403);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const pending = new Set<string>();
      let wake: (() => void) | undefined;
      let ended: string | null = null;
      const rouse = () => {
        wake?.();
        wake = undefined;
      };
      const unsubscribe = ctx.changes.subscribe((id) => {
        pending.add(id);
        rouse();
      });
      const unEnd = ctx.sessions.onEnd((hash) => {
        if (hash === session.tokenHash) {
          ended = 'signed_out';
          rouse();
        }
      });
      stream.onAbort(() => {
        ended = 'aborted';
        rouse();
      });
      try {
        await stream.writeSSE({ event: 'hello', data: JSON.stringify({ at: ctx.now() }), retry: 3000 });
        let lastBeat = Date.now();
        while (!ended) {
          if (pending.size === 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, Math.max(0, ctx.heartbeatMs - (Date.now() - lastBeat)));
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
          if (ended) break;
          for (const id of [...pending]) {
            pending.delete(id);
            const row = await readQueueRow(ctx.store.db, id);
            if (row?.demo) rememberDemo(id);
            // Filtered here, not in the browser: a demo visitor is no person in need, and no agent is sent their row.
            if (!demo && (row ? row.demo : wasDemo(id))) continue;
            await stream.writeSSE(row ? { event: 'row', data: JSON.stringify(row) } : { event: 'gone', data: JSON.stringify({ id }) });
          }
          if (Date.now() - lastBeat >= ctx.heartbeatMs) {
            lastBeat = Date.now();
            // The stream is not activity, but it must end when the session does (idle, absolute, revoked).
            if (!(await ctx.sessions.lookup(token, { touch: false }))) ended = 'expired';
            else await stream.write(': ping\n\n');
          }
        }
        if (ended !== 'aborted') await stream.writeSSE({ event: 'signed_out', data: JSON.stringify({ reason: ended }) });
      } finally {
        unsubscribe();
        unEnd();
      }
    });
  });
}
