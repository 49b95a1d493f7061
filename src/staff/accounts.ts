// Staff accounts in the store: create, find, list, change password, role or access.

import { randomUUID } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { Store } from '../store/database';
import type { Database, StaffAccountsTable } from '../store/schema';
import { AccountError } from './errors';
import { generatePassword, hashPassword, passwordProblem } from './passwords';
import { isRole, type Role } from './roles';

export type AccountRow = Selectable<StaffAccountsTable>;

/**
 * Runs inside a change's transaction, after the change: its audit row (and anything else that must
 * stand or fall with it), so a change is never made without its record, nor recorded without being made.
 */
export type RecordChange<T> = (tx: Transaction<Database>, result: T) => Promise<void>;

/** What staff screens may show of an account: never its hash. */
export interface AccountView {
  id: string;
  email: string;
  role: Role;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
  /** Takes new conversations now. */
  available: boolean;
  /** How many conversations at once they are offered. */
  capacity: number;
}

/** Conversations offered at once to a new account until a supervisor sets otherwise. */
export const DEFAULT_CAPACITY = 3;

/** The public view of an account row. */
export function accountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    available: row.available === 1,
    capacity: row.capacity,
  };
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

/** Lower-cased, trimmed; throws when it does not look like an e-mail address. */
export function normaliseEmail(email: unknown): string {
  const value = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (!EMAIL.test(value)) throw new AccountError('invalid_email', 'not an e-mail address');
  return value;
}

export interface CreateAccountInput {
  email: string;
  role: string;
  /** Chosen password; without one a one-time password is generated and must be changed at first login. */
  password?: string;
  now?: number;
}

/** Creates an account; resolves with it and the one-time password when one was generated. */
export async function createAccount(store: Store, input: CreateAccountInput, record?: RecordChange<AccountView>): Promise<{ account: AccountView; oneTimePassword: string | null }> {
  const email = normaliseEmail(input.email);
  if (!isRole(input.role)) throw new AccountError('invalid_role', 'role must be agent, supervisor or admin');
  let oneTimePassword: string | null = null;
  let password = input.password;
  if (password === undefined) {
    oneTimePassword = generatePassword();
    password = oneTimePassword;
  } else {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError('weak_password', problem);
  }
  const at = input.now ?? Date.now();
  const row: AccountRow = {
    id: randomUUID(),
    email,
    role: input.role,
    password_hash: await hashPassword(password),
    must_change_password: oneTimePassword ? 1 : 0,
    disabled: 0,
    created_at: at,
    updated_at: at,
    last_login_at: null,
    available: 0,
    capacity: DEFAULT_CAPACITY,
  };
  const account = accountView(row);
  await store.db.transaction().execute(async (tx) => {
    const inserted = await tx.insertInto('staff_accounts').values(row).onConflict((oc) => oc.column('email').doNothing()).returning('id').execute();
    if (inserted.length === 0) throw new AccountError('email_taken', 'an account with this e-mail address exists');
    await record?.(tx, account);
  });
  return { account, oneTimePassword };
}

/** The account with this e-mail address, if any. */
export function findAccountByEmail(store: Store, email: string): Promise<AccountRow | undefined> {
  return store.db.selectFrom('staff_accounts').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** The account with this id, if any. */
export function findAccount(store: Store, id: string): Promise<AccountRow | undefined> {
  return store.db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every account, by e-mail address. */
export async function listAccounts(store: Store): Promise<AccountView[]> {
  const rows = await store.db.selectFrom('staff_accounts').selectAll().orderBy('email').execute();
  return rows.map(accountView);
}

/** Sets a chosen password and clears the must-change mark. */
export async function setPassword(store: Store, id: string, password: string, at = Date.now(), record?: RecordChange<void>): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError('weak_password', problem);
  // Hashed before the transaction: scrypt's tens of milliseconds should not hold a connection or SQLite's lock.
  const hash = await hashPassword(password);
  await changeAccount(store, id, { password_hash: hash, must_change_password: 0, updated_at: at }, record);
}

/** Replaces the password with a fresh one-time password, which is returned once. */
export async function resetPassword(store: Store, id: string, at = Date.now(), record?: RecordChange<void>): Promise<string> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  await changeAccount(store, id, { password_hash: hash, must_change_password: 1, updated_at: at }, record);
  return password;
}

/** Changes role and/or access. */
export async function updateAccount(store: Store, id: string, change: { role?: string; disabled?: boolean }, at = Date.now(), record?: RecordChange<AccountView>): Promise<AccountView> {
  if (change.role !== undefined && !isRole(change.role)) throw new AccountError('invalid_role', 'role must be agent, supervisor or admin');
  return store.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('staff_accounts')
      .set({
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    const row = await tx.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AccountError('not_found', 'no such account');
    const account = accountView(row);
    await record?.(tx, account);
    return account;
  });
}

/** Updates one account and records it in the same transaction; not_found when there is no such account. */
async function changeAccount(store: Store, id: string, values: Partial<AccountRow>, record?: RecordChange<void>): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    const result = await tx.updateTable('staff_accounts').set(values).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AccountError('not_found', 'no such account');
    await record?.(tx);
  });
}
