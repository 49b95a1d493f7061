// Sign-in, sign-out, who am I, and choosing a password: the routes around a staff session.

import { accountView, findAccountByEmail, setPassword } from './accounts';
import { writeAudit } from './audit';
import type { StaffApi, StaffContext } from './context';
import { csrfTokenFor } from './csrf';
import { clearSessionCookie, clientIp, readJson, writeSessionCookie } from './http-utils';
import { DUMMY_HASH, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords';
import { addressBucket, createSampledLog, LOGIN_LIMITS } from './rate-limit';
import { ABSOLUTE_TIMEOUT_MS } from './sessions';
import { normalizeText } from '../core/text';

/** Registers /login, /logout, /me and /password on the staff API. */
export function registerAuthRoutes(api: StaffApi, ctx: StaffContext): void {
  const { store, sessions, limits } = ctx;

  // A flood of refused sign-ins is one line per address per window, not a line per request.
  const refusals = createSampledLog({ windowMs: LOGIN_LIMITS.windowMs, now: ctx.now, write: (fields) => ctx.logger.warn(fields, 'staff login rate-limited') });

  api.post('/login', async (c) => {
    const body = await readJson(c);
    const ip = clientIp(c, ctx.trustProxy);
    const email = typeof body.email === 'string' ? normalizeText(body.email).trim().toLowerCase().slice(0, 320) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, MAX_PASSWORD_LENGTH + 1) : '';
    // Limits are per address and per (account, address), never per account alone: otherwise anyone
    // who knows a colleague's e-mail address could lock them out by guessing from elsewhere.
    const bucket = addressBucket(ip);
    const pairKey = `account:${email}|address:${bucket}`;
    const addressKey = `address:${bucket}`;
    // Each hit counts the attempt and answers in one atomic statement, before the password is
    // checked: concurrent guesses, on this instance or another, cannot all take the last place.
    // The pair is counted first; an attempt the address limit then refuses is given back there.
    const pair = await limits.loginPerAccountAddress.hit(pairKey);
    const address = pair.allowed ? await limits.loginPerAddress.hit(addressKey) : undefined;
    if (!pair.allowed || !address?.allowed) {
      if (pair.allowed) await limits.loginPerAccountAddress.release(pairKey);
      const blocked = pair.allowed ? address! : pair;
      refusals.refused(addressKey, { ip, limit: pair.allowed ? 'address' : 'account_address' });
      c.header('Retry-After', String(Math.max(1, Math.ceil(blocked.retryAfterMs / 1000))));
      return c.json({ error: 'rate_limited', message: 'too many attempts; try again later' }, 429);
    }
    const account = email ? await findAccountByEmail(store, email) : undefined;
    // Unknown addresses cost the same scrypt as known ones, so timing does not reveal who has an account.
    const matches = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
    const at = ctx.now();
    if (!account || !matches || account.disabled === 1) {
      // An unknown address is not stored: people type passwords into the wrong field.
      await writeAudit(store.db, { at, staffId: account?.id ?? null, staffEmail: account?.email ?? null, action: 'login_failed', ip, detail: { known: Boolean(account) } });
      return c.json({ error: 'invalid_credentials', message: 'wrong e-mail address or password' }, 401);
    }
    // A right password was not a failure: its place is given back.
    await limits.loginPerAccountAddress.reset(pairKey);
    await limits.loginPerAddress.release(addressKey);
    const token = await sessions.create(account.id);
    await store.db.transaction().execute(async (tx) => {
      await tx.updateTable('staff_accounts').set({ last_login_at: at }).where('id', '=', account.id).execute();
      await writeAudit(tx, { at, staffId: account.id, staffEmail: account.email, action: 'login', ip });
    });
    writeSessionCookie(c, token, Math.floor(ABSOLUTE_TIMEOUT_MS / 1000));
    return c.json({ account: accountView({ ...account, last_login_at: at }), csrfToken: csrfTokenFor(token), idleTimeoutMs: sessions.idleMs });
  });

  api.get('/me', (c) =>
    c.json({
      account: accountView(c.var.session.account),
      csrfToken: csrfTokenFor(c.var.token),
      idleTimeoutMs: sessions.idleMs,
      expiresAt: c.var.session.expiresAt,
      personLocales: ctx.translator.locales,
    }),
  );

  api.post('/logout', async (c) => {
    const actor = c.var.actor;
    await sessions.revoke(c.var.session.tokenHash);
    await writeAudit(store.db, { at: ctx.now(), staffId: actor.id, staffEmail: actor.email, action: 'logout', ip: actor.ip });
    clearSessionCookie(c);
    return c.json({ ok: true });
  });

  // Counts as activity: the dashboard calls it when its person types or clicks, so idle expiry means really idle.
  api.post('/activity', (c) => c.json({ ok: true }));

  api.post('/password', async (c) => {
    const body = await readJson(c);
    const account = c.var.session.account;
    const current = typeof body.current === 'string' ? body.current : '';
    if (!(await verifyPassword(current, account.password_hash))) return c.json({ error: 'invalid_credentials', message: 'current password is wrong' }, 401);
    const actor = c.var.actor;
    const at = ctx.now();
    let signOut = () => {};
    await setPassword(store, account.id, typeof body.next === 'string' ? body.next : '', at, async (tx) => {
      // Anyone else holding the old password's sessions is signed out, in the same transaction.
      signOut = await sessions.revokeAllIn(tx, account.id, c.var.session.tokenHash);
      await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action: 'password_changed', ip: actor.ip });
    });
    signOut();
    return c.json({ ok: true });
  });
}
