// `reclaim serve | chat | hash | migrate | bench | bench-hash`: the command line of the service.

import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { loadConfig, type Config } from './config';
import { createReclaim } from './server';
import { createLogger, silentLogger } from './core/logger';
import { installCrashPolicy } from './crash-policy';
import { openStore } from './store/database';
import { resolveLocale } from './core/locales';
import type { RenderedMessage } from './core/messages';

const USAGE = `usage: reclaim <command>

  serve                 serve HTTP on PORT (webhooks, hashing page, APIs) with the workers
  chat                  talk to the bot in this terminal (reads lines from stdin)
  hash [--json] FILE…   print the fingerprints of files, one JSON line each
  migrate               bring the database schema up to date
  staff add|list        manage helpline staff accounts (reclaim staff --help)
  partner add NAME [--display-name "…"] [--json]
                        add a partner platform; prints its keys and HMA credential line (shown once)
  partner list | revoke NAME
  setup telegram        register the Telegram webhook at PUBLIC_BASE_URL/webhooks/telegram
  setup messenger       set the Messenger Get Started button
  bench                 measure webhooks against a floor server, end to end, the engine, memory
  bench-hash            measure hashing speed
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(loadConfig());
    case 'chat':
      return chatCommand(loadConfig());
    case 'hash':
      return hashCommand(args);
    case 'migrate': {
      const config = loadConfig();
      // A migration run on purpose may take long (an index on a big table): no statement limit here.
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgConnectTimeoutMs: config.postgres.connectTimeoutMs, pgStatementTimeoutMs: 0 });
      await store.close();
      process.stderr.write(`schema up to date (${store.dialect})\n`);
      return 0;
    }
    case 'partner':
      return partnerCommand(args);
    case 'setup':
      return setupCommand(args);
    case 'staff':
      return (await import('./staff/cli')).staffCommand(args);
    case 'bench': {
      await (await import('../bench/run')).main();
      return 0;
    }
    case 'bench-hash': {
      const { main: runHashBench } = await import('../bench/hash-node');
      await runHashBench();
      const { main: runPageHashBench } = await import('../bench/hash-browser');
      await runPageHashBench();
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

/** Longest a shutdown may take before the process exits anyway (connections kept open, a hung close). */
const SHUTDOWN_DEADLINE_MS = 10_000;

/** How long, after SIGTERM, webhooks are refused and /readyz says 503 while the server still answers: time for a balancer to notice. */
function drainMs(): number {
  const value = Number(process.env.SHUTDOWN_DRAIN_MS ?? 2_000);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, SHUTDOWN_DEADLINE_MS / 2) : 2_000;
}

async function serveCommand(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  // Resolved with the exit code by a signal (0) or an uncaught exception (1), whichever comes first.
  let stop!: (code: number) => void;
  const stopped = new Promise<number>((resolve) => (stop = resolve));
  // A signal during start-up (waiting for the database) ends the wait too.
  const starting = new AbortController();
  void stopped.then(() => starting.abort());
  installCrashPolicy({ logger, onFatal: () => stop(1) });
  // A second signal while draining changes nothing: the deadline below bounds the shutdown.
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  let reclaim: Awaited<ReturnType<typeof createReclaim>>;
  try {
    reclaim = await createReclaim(config, { logger, retryStore: { signal: starting.signal },
      // PG_SCHEMA keeps one instance's tables in a schema of their own (several deployments, or test runs, in one database).
      ...(process.env.PG_SCHEMA ? { pgSchema: process.env.PG_SCHEMA } : {}),
    });
  } catch (error) {
    if (starting.signal.aborted) {
      logger.info({}, 'stopped while waiting for the database');
      return stopped;
    }
    throw error;
  }
  const port = await reclaim.listen();
  reclaim.inbox.start();
  reclaim.outbox.start();
  reclaim.timers.start();
  reclaim.retention.start();
  reclaim.dispatcher.start();
  reclaim.outbox.wake();
  const channels = [...reclaim.channels.all.keys()].join(', ');
  logger.info({ port, store: reclaim.store.dialect, channels }, 'Reclaim is listening');
  process.stdout.write(startupMessage(process.env.PUBLIC_BASE_URL ? config.publicBaseUrl : `http://localhost:${port}`));
  const code = await stopped;
  logger.info({}, 'shutting down');
  const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), SHUTDOWN_DEADLINE_MS).unref());
  // A crash drains nothing: its state is suspect, and the platforms redeliver what it did not acknowledge.
  if ((await Promise.race([reclaim.close({ drainMs: code === 0 ? drainMs() : 0 }).then(() => 'closed' as const), deadline])) === 'late') {
    logger.warn({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting anyway');
  }
  return code;
}

/** What a person who just ran `npm start` needs first: the pages to open, and how to let the first staff member in. */
function startupMessage(base: string): string {
  const origin = base.replace(/\/+$/, '');
  return [
    'Reclaim is running:',
    `  ${origin}/         try the bot in the browser`,
    `  ${origin}/staff    the helpline dashboard`,
    'Create the first staff account (it prints a one-time password to sign in with):',
    '  npx --no reclaim staff add you@example.org --role admin',
    '',
  ].join('\n');
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(null));
      probe.listen(port, () => {
        const bound = (probe.address() as { port: number }).port;
        probe.close(() => resolve(bound));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0)) ?? 0;
}

/** A terminal conversation with the real flow, engine and store; it also serves the hashing page so the link works. */
async function chatCommand(base: Config): Promise<number> {
  const port = await freePort(process.env.PORT ? Number(process.env.PORT) : 3000);
  const config: Config = { ...base, port, publicBaseUrl: process.env.PUBLIC_BASE_URL || `http://localhost:${port}` };
  const reclaim = await createReclaim(config, { logger: silentLogger });
  await reclaim.listen();
  process.stderr.write(`Reclaim chat. Hashing page: ${config.publicBaseUrl}\nEnd input (Ctrl-D) to leave.\n`);
  const userId = process.env.RECLAIM_CHAT_USER ?? 'terminal';
  const localeHint = resolveLocale(process.env.RECLAIM_LANG ?? process.env.LANG) ?? undefined;
  let lastChoices: string[] = [];
  const print = (message: RenderedMessage) => {
    const lines = ['', message.text];
    if (message.link) lines.push(`  ${message.link.label}: ${message.link.url ?? ''}`);
    message.choices.forEach((choice, i) => lines.push(`  ${i + 1}) ${choice.label}  [${choice.id}]`));
    process.stdout.write(lines.join('\n') + '\n');
    if (message.choices.length > 0) lastChoices = message.choices.map((c) => c.id);
  };
  reclaim.channels.console.listen(userId, print);
  reclaim.outbox.start(200);
  reclaim.timers.start(1000);

  const input = createInterface({ input: process.stdin, terminal: false });
  let sequence = 0;
  const session = `${Date.now().toString(36)}`;
  for await (const raw of input) {
    const line = raw.trim();
    if (!line) continue;
    const number = /^\d+$/.test(line) ? lastChoices[Number(line) - 1] : undefined;
    const choiceId = number ?? (lastChoices.includes(line) ? line : undefined);
    await reclaim.engine.handle({
      type: 'inbound',
      channel: 'console',
      userId,
      dedupeKey: `console:${userId}:${session}:${sequence++}`,
      kind: choiceId ? 'choice' : 'text',
      ...(choiceId ? { choiceId } : { text: line }),
      ...(localeHint ? { localeHint } : {}),
      at: Date.now(),
    });
    await reclaim.outbox.drain();
  }
  await reclaim.outbox.drain();
  await reclaim.close();
  return 0;
}

/** `partner add NAME [--display-name "…"] [--json]`: the words of NAME, and the flags wherever they stand. */
function parsePartnerArgs(args: string[]): { name: string; displayName?: string; json: boolean } | { error: string } {
  const words: string[] = [];
  let displayName: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--display-name') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return { error: '--display-name: expected the name people read, e.g. --display-name "Instagram"' };
      displayName = value;
    } else if (arg.startsWith('--display-name=')) displayName = arg.slice('--display-name='.length);
    else if (arg.startsWith('--')) return { error: `${arg}: not an option of partner add (--display-name, --json)` };
    else words.push(arg);
  }
  return { name: words.join(' '), ...(displayName !== undefined ? { displayName } : {}), json };
}

const PARTNER_USAGE = 'usage: reclaim partner add NAME [--display-name "…"] [--json] | list | revoke NAME\n';

async function partnerCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add' && action !== 'list' && action !== 'revoke') {
    process.stderr.write(PARTNER_USAGE);
    return 2;
  }
  const parsed = action === 'add' ? parsePartnerArgs(rest) : { name: rest.join(' '), json: false };
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n${PARTNER_USAGE}`);
    return 2;
  }
  if (action !== 'list' && !parsed.name) {
    process.stderr.write(PARTNER_USAGE);
    return 2;
  }
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgConnectTimeoutMs: config.postgres.connectTimeoutMs, pgStatementTimeoutMs: config.postgres.statementTimeoutMs });
  try {
    const { addPartner, revokePartner, displayNameOf } = await import('./engine/partners');
    const { exchangeBaseUrl, hmaCredentials } = await import('./http/stopncii');
    if (action === 'add') {
      let added;
      try {
        added = await addPartner(store.db, parsed.name, { displayName: parsed.displayName });
      } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        return 2;
      }
      const { partner, key, subscriptionKey } = added;
      const base = config.publicBaseUrl.replace(/\/+$/, '');
      const sheet = {
        name: partner.name,
        displayName: displayNameOf(partner),
        key,
        subscriptionKey,
        hmaCredentials: hmaCredentials(key, subscriptionKey, base),
        exchangeBaseUrl: exchangeBaseUrl(base),
        feedUrl: `${base}/api/partner/v1/hashes`,
        feedbackUrl: `${base}/api/partner/v1/feedback`,
      };
      if (parsed.json) {
        process.stdout.write(JSON.stringify(sheet) + '\n');
        return 0;
      }
      process.stdout.write(
        [
          `Partner "${sheet.name}" added; teens read it as "${sheet.displayName}".`,
          'Everything below is shown only now. Hand it to the platform over a safe channel.',
          '',
          'HMA (Hasher-Matcher-Actioner): add a StopNCII exchange and paste this credential line',
          '(fetch_function_key,subscription_key,base_url):',
          `  ${sheet.hmaCredentials}`,
          `  The same key sends feedback: StopNCIIAPI(..., additional_function_keys={SubmitFeedback: key}).`,
          '',
          `Exchange:  GET ${sheet.exchangeBaseUrl}/FetchHashes   POST ${sheet.exchangeBaseUrl}/SubmitFeedback`,
          '           headers x-functions-key: <API key>, Ocp-Apim-Subscription-Key: <subscription key>',
          `Feed:      GET ${sheet.feedUrl}?after=<cursor>   POST ${sheet.feedbackUrl}`,
          '           header Authorization: Bearer <API key>',
          '',
          `API key:           ${key}`,
          `Subscription key:  ${subscriptionKey}`,
          '',
        ].join('\n'),
      );
      return 0;
    }
    if (action === 'revoke') {
      const done = await revokePartner(store.db, parsed.name);
      process.stderr.write(done ? `revoked ${parsed.name}\n` : `no active partner named ${parsed.name}\n`);
      return done ? 0 : 1;
    }
    const rows = await store.db.selectFrom('partners').selectAll().orderBy('name').execute();
    const when = (at: number | null) => (at === null ? 'never' : new Date(Number(at)).toISOString());
    process.stdout.write(['name\tdisplay name\tadded\tstate\tlast fetch\tlast feedback', ...rows.map((r) =>
      [r.name, displayNameOf(r), when(r.created_at), r.revoked_at ? 'revoked' : r.subscription_key_hash ? 'active' : 'active (feed only: add it again for HMA)', when(r.last_fetch_at), when(r.last_feedback_at)].join('\t'),
    )].join('\n') + '\n');
    return 0;
  } finally {
    await store.close();
  }
}

async function setupCommand(args: string[]): Promise<number> {
  const config = loadConfig();
  if (args[0] === 'messenger') {
    if (!config.messenger) {
      process.stderr.write('set MESSENGER_APP_SECRET, MESSENGER_PAGE_ACCESS_TOKEN and MESSENGER_VERIFY_TOKEN first\n');
      return 2;
    }
    const { configureMessengerProfile } = await import('./channels/messenger/index');
    await configureMessengerProfile({ pageAccessToken: config.messenger.pageAccessToken, graphApiUrl: config.messenger.graphApiUrl, signal: AbortSignal.timeout(15_000) });
    process.stderr.write('Messenger Get Started button set; point the Page webhook at PUBLIC_BASE_URL/webhooks/messenger\n');
    return 0;
  }
  if (args[0] !== 'telegram') {
    process.stderr.write('usage: reclaim setup telegram | messenger\n');
    return 2;
  }
  if (!config.telegram) {
    process.stderr.write('set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET first\n');
    return 2;
  }
  const { setupTelegramWebhook } = await import('./channels/telegram/index');
  const url = await setupTelegramWebhook(config.telegram, config.publicBaseUrl, AbortSignal.timeout(15_000));
  process.stderr.write(`Telegram will deliver updates to ${url}\n`);
  return 0;
}

async function hashCommand(args: string[]): Promise<number> {
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) {
    process.stderr.write('usage: reclaim hash [--json] FILE...\n');
    return 2;
  }
  const { hashFile, formatHashLine } = await import('./hashing/node');
  let status = 0;
  for (const file of files) {
    try {
      process.stdout.write(formatHashLine(await hashFile(file)) + '\n');
    } catch (error) {
      status = 1;
      process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return status;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
