// Supervisor and admin routes: the audit log, every agent's work, accounts and partner keys.

import { sql } from 'kysely';
import { addPartner, DISPLAY_NAME_RULE, isDisplayName, revokePartner } from '../engine/partners';
import { createAccount, findAccount, listAccounts, resetPassword, updateAccount } from './accounts';
import { AUDIT_ACTIONS, readAudit, writeAudit, type AuditFilter } from './audit';
import { requireRole, type StaffApi, type StaffContext } from './context';
import { StaffActionError } from './errors';
import { readJson } from './http-utils';

function optionalNumber(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Registers /audit and /team (supervisors), /accounts and /partners (admins). */
export function registerOversightRoutes(api: StaffApi, ctx: StaffContext): void {
  const { store } = ctx;

  api.get('/audit', requireRole('supervisor'), async (c) => {
    const q = c.req.query();
    const action = q.action && (AUDIT_ACTIONS as readonly string[]).includes(q.action) ? q.action : undefined;
    const filter: AuditFilter = {
      ...(q.staff ? { staffId: q.staff } : {}),
      ...(action ? { action } : {}),
      ...(q.conversation ? { conversationId: q.conversation } : {}),
      ...(optionalNumber(q.since) !== undefined ? { since: optionalNumber(q.since)! } : {}),
      ...(optionalNumber(q.until) !== undefined ? { until: optionalNumber(q.until)! } : {}),
      ...(optionalNumber(q.before) !== undefined ? { before: optionalNumber(q.before)! } : {}),
      ...(optionalNumber(q.limit) !== undefined ? { limit: optionalNumber(q.limit)! } : {}),
    };
    const entries = await readAudit(store.db, filter);
    // Reading the log is itself on the log (first pages only, so scrolling does not flood it).
    if (filter.before === undefined) {
      const actor = c.var.actor;
      await writeAudit(store.db, { at: ctx.now(), staffId: actor.id, staffEmail: actor.email, action: 'read_audit', ip: actor.ip });
    }
    return c.json({ entries, actions: AUDIT_ACTIONS });
  });

  api.get('/team', requireRole('supervisor'), async (c) => {
    const since = ctx.now() - 24 * 60 * 60_000;
    const [accounts, held, done] = await Promise.all([
      listAccounts(store),
      store.db.selectFrom('conversations').select(['held_by', sql<number>`count(*)`.as('n')]).where('held_by', 'is not', null).where('status', '=', 'open').groupBy('held_by').execute(),
      store.db
        .selectFrom('staff_audit')
        .select(['staff_id', sql<number>`count(*)`.as('n')])
        .where('at', '>=', since)
        .where('action', 'in', ['takeover', 'reply', 'handback', 'close', 'note', 'flag_set', 'flag_cleared', 'case_status'])
        .groupBy('staff_id')
        .execute(),
    ]);
    const heldBy = new Map(held.map((r) => [r.held_by, Number(r.n)]));
    const doneBy = new Map(done.map((r) => [r.staff_id, Number(r.n)]));
    return c.json({
      members: accounts.map((a) => ({ ...a, holding: heldBy.get(a.id) ?? 0, actionsLast24h: doneBy.get(a.id) ?? 0 })),
    });
  });

  api.get('/accounts', requireRole('admin'), async (c) => c.json({ accounts: await listAccounts(store) }));

  // Each admin act below and its audit row are one transaction: neither stands without the other.
  api.post('/accounts', requireRole('admin'), async (c) => {
    const body = await readJson(c);
    const actor = c.var.actor;
    const at = ctx.now();
    const { account, oneTimePassword } = await createAccount(store, { email: String(body.email ?? ''), role: String(body.role ?? ''), now: at }, (tx, account) =>
      writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'account_created', ip: actor.ip, detail: { account: account.id, email: account.email, role: account.role } }),
    );
    return c.json({ account, oneTimePassword }, 201);
  });

  api.patch('/accounts/:id', requireRole('admin'), async (c) => {
    const body = await readJson(c);
    const id = c.req.param('id');
    const actor = c.var.actor;
    // An admin cannot lock themselves out (and so leave nobody to manage accounts).
    if (id === actor.id) throw new StaffActionError(409, 'cannot_change_self');
    if (!(await findAccount(store, id))) throw new StaffActionError(404, 'not_found');
    const change = {
      ...(body.role !== undefined ? { role: String(body.role) } : {}),
      ...(typeof body.disabled === 'boolean' ? { disabled: body.disabled } : {}),
    };
    const at = ctx.now();
    let signOut = () => {};
    const account = await updateAccount(store, id, change, at, async (tx) => {
      if (change.disabled === true || change.role !== undefined) signOut = await ctx.sessions.revokeAllIn(tx, id);
      await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'account_updated', ip: actor.ip, detail: { account: id, ...change } });
    });
    signOut();
    return c.json({ account });
  });

  api.post('/accounts/:id/reset-password', requireRole('admin'), async (c) => {
    const id = c.req.param('id');
    const actor = c.var.actor;
    if (id === actor.id) throw new StaffActionError(409, 'cannot_change_self');
    const at = ctx.now();
    let signOut = () => {};
    const oneTimePassword = await resetPassword(store, id, at, async (tx) => {
      signOut = await ctx.sessions.revokeAllIn(tx, id);
      await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'password_reset', ip: actor.ip, detail: { account: id } });
    });
    signOut();
    return c.json({ oneTimePassword });
  });

  api.get('/partners', requireRole('admin'), async (c) => {
    const rows = await store.db.selectFrom('partners').select(['id', 'name', 'display_name', 'created_at', 'revoked_at']).orderBy('name').execute();
    return c.json({ partners: rows.map((r) => ({ id: r.id, name: r.name, displayName: r.display_name, createdAt: r.created_at, revokedAt: r.revoked_at })) });
  });

  api.post('/partners', requireRole('admin'), async (c) => {
    const body = await readJson(c);
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    // The name the teen reads ("Instagram"); without it they read the short name.
    if (body.displayName !== undefined && body.displayName !== null && typeof body.displayName !== 'string') {
      throw new StaffActionError(400, 'invalid_display_name', 'displayName: expected text');
    }
    const displayName = typeof body.displayName === 'string' ? body.displayName : undefined;
    if (!isDisplayName(displayName)) throw new StaffActionError(400, 'invalid_display_name', `displayName: ${DISPLAY_NAME_RULE}`);
    const existing = await store.db.selectFrom('partners').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) throw new StaffActionError(409, 'name_taken');
    const actor = c.var.actor;
    const { partner, key } = await store.db.transaction().execute(async (tx) => {
      let added: Awaited<ReturnType<typeof addPartner>>;
      try {
        // The key is shown once, here; like every secret only its SHA-256 is kept.
        added = await addPartner(tx, name, { displayName, now: ctx.now() });
      } catch (error) {
        throw new StaffActionError(400, 'invalid_name', error instanceof Error ? error.message : 'invalid name');
      }
      const { partner } = added;
      await writeAudit(tx, { at: partner.created_at, staffId: actor.id, staffEmail: actor.email, action: 'partner_added', ip: actor.ip, detail: { partner: partner.id, name: partner.name, displayName: partner.display_name } });
      return added;
    });
    return c.json({ partner: { id: partner.id, name: partner.name, displayName: partner.display_name, createdAt: partner.created_at, revokedAt: null }, apiKey: key }, 201);
  });

  api.post('/partners/:id/revoke', requireRole('admin'), async (c) => {
    const id = c.req.param('id');
    const at = ctx.now();
    const actor = c.var.actor;
    await store.db.transaction().execute(async (tx) => {
      const partner = await tx.selectFrom('partners').select(['name']).where('id', '=', id).executeTakeFirst();
      if (!partner || !(await revokePartner(tx, partner.name, at))) throw new StaffActionError(404, 'not_found');
      await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'partner_revoked', ip: actor.ip, detail: { partner: id } });
    });
    return c.json({ ok: true });
  });
}
