// The server under test: `reclaim serve` as src/cli.ts runs it, with the platforms' send pacing lifted (the fakes have no limits).
//
// It starts what `serveCommand` starts (keep the two in step): createReclaim, listen, the inbox,
// outbox, timer and retention workers. The one difference: Telegram allows a bot about 30 messages a
// second overall, and the outbox paces itself to that; against the loopback fake that pacing
// would be the only figure measured, so BENCH_UNPACED=1 lifts it to measure Reclaim itself.

import { loadConfig } from '../src/config';
import { createLogger } from '../src/core/logger';
import { createReclaim } from '../src/server';

const config = loadConfig();
const reclaim = await createReclaim(config, { logger: createLogger(config.logLevel) });
if (process.env.BENCH_UNPACED === '1') {
  for (const adapter of reclaim.channels.all.values()) adapter.capabilities.ratePerSecond = 1_000_000;
}
await reclaim.listen();
// BENCH_RECEIPT_ONLY=1 leaves the inbox undrained: what acknowledging costs by itself.
if (process.env.BENCH_RECEIPT_ONLY === '1') await reclaim.inbox.stop();
else reclaim.inbox.start();
reclaim.outbox.start();
reclaim.timers.start();
reclaim.retention.start();
reclaim.outbox.wake();
process.once('SIGTERM', () => {
  // As serve does: close in order, but never hang the benchmark on a slow shutdown.
  const late = setTimeout(() => process.exit(0), 10_000);
  void reclaim.close().finally(() => {
    clearTimeout(late);
    process.exit(0);
  });
});
