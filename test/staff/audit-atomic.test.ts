// An admin's act and its audit row commit together: when the row cannot be written, the act did not happen.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../helpers';
import { addPartner } from '../../src/engine/partners';
import { createAccount, findAccountByEmail } from '../../src/staff/accounts';
import { readAudit } from '../../src/staff/audit';
import { PASSWORD, startHarness, type Client, type Harness } from './harness';

const REFUSED = ['account_created', 'account_updated', 'password_reset', 'partner_added', 'partner_revoked', 'password_changed'];

describe.each(DIALECTS)('admin acts and their audit rows on %s', (dialect) => {
  let h: Harness;
  let admin: Client;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await h.signIn('admin');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Makes the audit log refuse the acts under test, as a full disk or a lost connection would. */
  async function breakAudit(): Promise<void> {
    const list = REFUSED.map((a) => `'${a}'`).join(', ');
    if (dialect === 'sqlite') {
      await sql.raw(`CREATE TRIGGER audit_down BEFORE INSERT ON staff_audit WHEN NEW.action IN (${list}) BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`).execute(h.reclaim.store.db);
    } else {
      await sql.raw(`CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.action IN (${list}) THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END $$`).execute(h.reclaim.store.db);
      await sql.raw('CREATE TRIGGER audit_down BEFORE INSERT ON staff_audit FOR EACH ROW EXECUTE FUNCTION audit_down()').execute(h.reclaim.store.db);
    }
  }

  it('creates, changes and resets no account, adds and revokes no partner key, when the audit row fails', async () => {
    const { account: target } = await createAccount(h.reclaim.store, { email: 'target@helpline.test', role: 'agent', password: PASSWORD });
    const partner = await addPartner(h.reclaim.store.db, 'Existing Platform', h.clock.now);
    const targetSession = await h.signIn('agent');
    const self = await h.signIn('agent2');
    await breakAudit();

    expect((await admin.call('POST', '/api/staff/accounts', { email: 'ghost@helpline.test', role: 'agent' })).status).toBe(500);
    expect(await findAccountByEmail(h.reclaim.store, 'ghost@helpline.test')).toBeUndefined();

    expect((await admin.call('PATCH', `/api/staff/accounts/${target.id}`, { role: 'admin', disabled: true })).status).toBe(500);
    expect(await findAccountByEmail(h.reclaim.store, target.email)).toMatchObject({ role: 'agent', disabled: 0 });

    expect((await admin.call('PATCH', `/api/staff/accounts/${h.accounts.agent.id}`, { disabled: true })).status).toBe(500);
    // Nor are the person's sessions ended by an act that did not happen.
    expect((await targetSession.call('GET', '/api/staff/me')).status).toBe(200);

    expect((await admin.call('POST', `/api/staff/accounts/${target.id}/reset-password`)).status).toBe(500);
    expect((await h.login(target.email, PASSWORD)).status).toBe(200);

    expect((await admin.call('POST', '/api/staff/partners', { name: 'Ghost Platform' })).status).toBe(500);
    expect(await h.reclaim.store.db.selectFrom('partners').select('id').where('name', '=', 'Ghost Platform').executeTakeFirst()).toBeUndefined();

    expect((await admin.call('POST', `/api/staff/partners/${partner.partner.id}/revoke`)).status).toBe(500);
    expect(await h.reclaim.store.db.selectFrom('partners').select('revoked_at').where('id', '=', partner.partner.id).executeTakeFirst()).toEqual({ revoked_at: null });

    expect((await self.call('POST', '/api/staff/password', { current: PASSWORD, next: 'a brand new passphrase' })).status).toBe(500);
    expect((await h.login(h.accounts.agent2.email, PASSWORD)).status).toBe(200);

    // And none of them left a trace in the log.
    const entries = await readAudit(h.reclaim.store.db, { limit: 500 });
    expect(entries.filter((e) => REFUSED.includes(e.action))).toHaveLength(0);
  });
});
