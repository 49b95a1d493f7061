// The helpline's working day on the staff API: who is available, capacity, offers and reassignment, whispers,
// the silent view, settings (hours, retention, waiting) and reports.

import { sql } from 'kysely';
import { localTime } from '../core/hours';
import { writeAudit } from './audit';
import { requireRole, type StaffApi, type StaffContext } from './context';
import { StaffActionError } from './errors';
import { readJson } from './http-utils';
import { buildReport, conversationFacts, factsToCsv, parseReportQuery } from './reports';
import { parseSetting, readSettings, SETTING_KEYS, writeSetting, type SettingKey } from './settings';

/** Most conversations a supervisor may let one person be offered at once. */
export const MAX_CAPACITY = 20;

/** Registers /me/availability, /team/:id, /conversations/:id/{assign,whisper,observe}, /settings and /reports. */
export function registerDayRoutes(api: StaffApi, ctx: StaffContext): void {
  const { store, actions } = ctx;
  const redispatch = () => void ctx.dispatcher.run().catch((error: Error) => ctx.logger.warn({ error: error.message }, 'dispatch round failed'));

  // Anyone on the team says whether they take new conversations; going away hands their offers (not what they hold) to others.
  api.put('/me/availability', async (c) => {
    const body = await readJson(c);
    if (typeof body.available !== 'boolean') throw new StaffActionError(400, 'invalid_availability', 'available: true or false');
    const actor = c.var.actor;
    const at = ctx.now();
    await store.db.transaction().execute(async (tx) => {
      await tx.updateTable('staff_accounts').set({ available: body.available ? 1 : 0 }).where('id', '=', actor.id).execute();
      await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'availability_set', ip: actor.ip, detail: { available: body.available as boolean } });
    });
    await ctx.dispatcher.run();
    return c.json({ available: body.available });
  });

  api.patch('/team/:id', requireRole('supervisor'), async (c) => {
    const body = await readJson(c);
    const capacity = body.capacity;
    if (!Number.isInteger(capacity) || (capacity as number) < 0 || (capacity as number) > MAX_CAPACITY) throw new StaffActionError(400, 'invalid_capacity', `capacity: a whole number from 0 to ${MAX_CAPACITY}`);
    const id = c.req.param('id');
    const actor = c.var.actor;
    const at = ctx.now();
    await store.db.transaction().execute(async (tx) => {
      const found = await tx.updateTable('staff_accounts').set({ capacity: capacity as number }).where('id', '=', id).executeTakeFirst();
      if (Number(found.numUpdatedRows) === 0) throw new StaffActionError(404, 'not_found');
      await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'capacity_set', ip: actor.ip, detail: { account: id, capacity: capacity as number } });
    });
    redispatch();
    return c.json({ capacity });
  });

  api.post('/conversations/:id/assign', async (c) => {
    const body = await readJson(c);
    await actions.assign(c.var.actor, c.req.param('id'), body.staffId);
    return c.json({ ok: true });
  });

  api.post('/conversations/:id/whisper', async (c) => {
    const body = await readJson(c);
    await actions.whisper(c.var.actor, c.req.param('id'), body.text);
    return c.json({ ok: true });
  });

  api.get('/conversations/:id/observe', async (c) => {
    const after = Number(c.req.query('after') ?? 0);
    return c.json(await actions.observe(c.var.actor, c.req.param('id'), Number.isSafeInteger(after) && after > 0 ? after : 0, c.var.session.createdAt));
  });

  // Supervisors read the settings (the hours explain the queue); only admins change them.
  api.get('/settings', requireRole('supervisor'), async (c) => c.json({ settings: await readSettings(store.db, ctx.defaults) }));

  api.put('/settings/:key', requireRole('admin'), async (c) => {
    const key = c.req.param('key');
    if (!(SETTING_KEYS as readonly string[]).includes(key)) throw new StaffActionError(404, 'not_found', `no setting ${key}`);
    const body = await readJson(c);
    if (!('value' in body)) throw new StaffActionError(400, 'invalid_setting', 'value: required');
    const value = parseSetting(key, body.value);
    const actor = c.var.actor;
    const at = ctx.now();
    await store.db.transaction().execute(async (tx) => {
      await writeSetting(tx, key as SettingKey, value, at, actor.id);
      await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'settings_changed', ip: actor.ip, detail: { setting: key } });
    });
    return c.json({ settings: await readSettings(store.db, ctx.defaults) });
  });

  async function reportQuery(q: Record<string, string>) {
    const settings = await readSettings(store.db, ctx.defaults);
    const timeZone = settings.hours?.timeZone ?? 'UTC';
    return parseReportQuery(q, timeZone, localTime(ctx.now(), timeZone).date);
  }

  api.get('/reports', requireRole('supervisor'), async (c) => {
    const query = await reportQuery(c.req.query());
    const report = await buildReport(store.db, query, ctx.now());
    const actor = c.var.actor;
    await writeAudit(store.db, { at: ctx.now(), staffId: actor.id, staffEmail: actor.email, action: 'report_read', ip: actor.ip, detail: { from: query.from, to: query.to } });
    return c.json(report);
  });

  api.get('/reports/conversations.csv', requireRole('supervisor'), async (c) => {
    const query = await reportQuery(c.req.query());
    const facts = await conversationFacts(store.db, query, ctx.now());
    const actor = c.var.actor;
    await writeAudit(store.db, { at: ctx.now(), staffId: actor.id, staffEmail: actor.email, action: 'report_exported', ip: actor.ip, detail: { from: query.from, to: query.to, rows: facts.length } });
    return c.body(factsToCsv(facts), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="reclaim-conversations-${query.from}-${query.to}.csv"`,
      'cache-control': 'no-store',
    });
  });

  // How many conversations each person is offered now, beside what they hold (the team page shows both).
  api.get('/team/load', requireRole('supervisor'), async (c) => {
    const rows = await store.db
      .selectFrom('conversations')
      .select(['assigned_to', sql<number>`count(*)`.as('n')])
      .where('status', '=', 'open')
      .where('held_by', 'is', null)
      .where('assigned_to', 'is not', null)
      .groupBy('assigned_to')
      .execute();
    return c.json({ offered: Object.fromEntries(rows.map((r) => [r.assigned_to, Number(r.n)])) });
  });
}
