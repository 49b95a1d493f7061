// The queue, one conversation, and the actions staff take on it.

import type { StaffApi, StaffContext } from './context';
import { atLeast } from './roles';
import { readJson } from './http-utils';
import { readConversationLabels, readQueue } from './queue';

/** Registers /queue and /conversations/:id/… on the staff API. */
export function registerConversationRoutes(api: StaffApi, ctx: StaffContext): void {
  const { actions } = ctx;

  // Demo conversations (the public try-the-bot page) are left out unless a supervisor asks: ?demo=1.
  api.get('/queue', async (c) => {
    const demo = c.req.query('demo') === '1';
    if (demo && !atLeast(c.var.session.account.role, 'supervisor')) return c.json({ error: 'forbidden', message: 'supervisor role required' }, 403);
    return c.json({ rows: await readQueue(ctx.store.db, { demo }), now: ctx.now() });
  });

  // Names for conversations other screens mention (the audit log), as the queue shows them. Reading a label is not
  // opening a conversation: it shows no more than the queue does.
  api.get('/conversation-labels', async (c) => {
    const ids = [...new Set((c.req.query('ids') ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/.test(id)))].slice(0, 200);
    return c.json({ labels: await readConversationLabels(ctx.store.db, ids) });
  });

  api.get('/conversations/:id', async (c) => {
    const after = Number(c.req.query('after') ?? 0);
    return c.json(await actions.open(c.var.actor, c.req.param('id'), Number.isSafeInteger(after) && after > 0 ? after : 0, c.var.session.createdAt));
  });

  const simple = { takeover: actions.takeover, handback: actions.handback, close: actions.close } as const;
  for (const [name, run] of Object.entries(simple)) {
    api.post(`/conversations/:id/${name}`, async (c) => {
      await run(c.var.actor, c.req.param('id'));
      return c.json({ ok: true });
    });
  }

  api.post('/conversations/:id/reply', async (c) => {
    const body = await readJson(c);
    await actions.reply(c.var.actor, c.req.param('id'), body.text);
    return c.json({ ok: true });
  });

  api.post('/conversations/:id/notes', async (c) => {
    const body = await readJson(c);
    await actions.note(c.var.actor, c.req.param('id'), body.text);
    return c.json({ ok: true });
  });

  api.post('/conversations/:id/flags', async (c) => {
    const body = await readJson(c);
    await actions.setFlag(c.var.actor, c.req.param('id'), body.flag, body.on);
    return c.json({ ok: true });
  });

  api.post('/conversations/:id/case-status', async (c) => {
    const body = await readJson(c);
    await actions.recordCaseStatus(c.var.actor, c.req.param('id'), body);
    return c.json({ ok: true });
  });
}
