// `reclaim staff add <email> --role agent|supervisor|admin [--password-stdin]` and `reclaim staff list`.

import { loadConfig } from '../config';
import { openStore } from '../store/database';
import { createAccount, listAccounts } from './accounts';
import { AccountError } from './errors';
import { ROLES } from './roles';

const USAGE = `usage: reclaim staff add <email> --role agent|supervisor|admin [--password-stdin]
       reclaim staff list

  add   creates an account. Without --password-stdin it prints a one-time password, which the
        person must replace with their own at first sign-in. With --password-stdin the first line
        of standard input is the password (at least 12 characters), used as it is.
  list  prints every account: e-mail, role, state, last sign-in.
`;

async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}

/** Runs a staff subcommand; resolves with the process exit code. */
export async function staffCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add' && sub !== 'list') {
    process.stderr.write(USAGE);
    return sub === undefined || sub === 'help' || sub === '--help' ? 0 : 2;
  }
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (sub === 'list') {
      for (const account of await listAccounts(store)) {
        const state = account.disabled ? 'disabled' : account.mustChangePassword ? 'one-time password' : 'active';
        const last = account.lastLoginAt ? new Date(account.lastLoginAt).toISOString() : 'never';
        process.stdout.write(`${account.email}\t${account.role}\t${state}\tlast sign-in ${last}\n`);
      }
      return 0;
    }
    const email = rest.find((a) => !a.startsWith('--'));
    const roleIndex = rest.indexOf('--role');
    const role = roleIndex >= 0 ? rest[roleIndex + 1] : rest.find((a) => a.startsWith('--role='))?.slice('--role='.length);
    if (!email || !role || !(ROLES as readonly string[]).includes(role)) {
      process.stderr.write(USAGE);
      return 2;
    }
    const password = rest.includes('--password-stdin') ? await readFirstLine() : undefined;
    const { account, oneTimePassword } = await createAccount(store, { email, role, ...(password !== undefined ? { password } : {}) });
    process.stderr.write(`created ${account.role} ${account.email}\n`);
    // The one place a password is ever printed: once, to the admin creating the account.
    if (oneTimePassword) process.stdout.write(`${oneTimePassword}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}
