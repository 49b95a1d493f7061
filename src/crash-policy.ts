// What the serving process does with a rejection nobody handled and an exception nobody caught: log without content, then carry on or restart cleanly.

import type { Logger } from './core/logger';

export interface CrashPolicyOptions {
  logger: Logger;
  /** Called once on an uncaught exception: stop taking work, close, and exit non-zero. */
  onFatal: () => void;
  /** Exits at once; used when a second exception arrives while shutting down. */
  exit?: (code: number) => never;
  /** The emitter to watch; the process itself outside tests. */
  target?: NodeJS.EventEmitter;
}

/**
 * Installs the policy and returns a function that removes it.
 *
 * An unhandled rejection is survived. It is an asynchronous operation that failed with nobody
 * awaiting it (a follow-up call, a fire-and-forget write): no synchronous code was cut off midway,
 * our durable state lives in database transactions that roll back, and outbox rows are retried.
 * Node's default of exiting would instead drop every conversation in flight, on every instance
 * that meets the same fault, over one lost operation.
 *
 * An uncaught exception is not survived. It was thrown out of an event or timer callback, so the
 * code after the throw never ran and in-memory state (a socket, a stream, a cache) may be half
 * updated; Node documents that resuming is unsafe. We log it, stop taking work, close within a
 * deadline and exit 1 for the supervisor to start a clean process. Nothing is lost: what was not
 * acknowledged is redelivered by the platforms, and what was acknowledged is in the store.
 *
 * Logs carry the error's name, code and stack frames, never its message: messages can quote
 * what a person wrote or a token.
 */
export function installCrashPolicy(options: CrashPolicyOptions): () => void {
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let fatal = false;

  const onRejection = (reason: unknown) => {
    options.logger.error({ ...describeError(reason), survived: true }, 'unhandled promise rejection');
  };
  const onException = (error: unknown) => {
    options.logger.error({ ...describeError(error), survived: false }, 'uncaught exception; shutting down for a clean restart');
    if (fatal) return exit(1);
    fatal = true;
    options.onFatal();
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}

/** Name, code and where it was thrown; the message stays out. */
export function describeError(error: unknown): { name: string; code?: string; frames?: string[] } {
  if (!(error instanceof Error)) return { name: error === null ? 'null' : typeof error };
  const code = (error as { code?: unknown }).code;
  // Frames are the "    at …" lines; the lines before them are the message, which may span several.
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim());
  return { name: error.name, ...(typeof code === 'string' ? { code } : {}), ...(frames.length > 0 ? { frames } : {}) };
}
