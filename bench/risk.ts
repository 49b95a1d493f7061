// Risk detection benchmark: everyday messages per second, and the slowest of the long, repetitive messages that stress backtracking.

import { detectRisk } from '../src/core/risk';

/** Messages people really send: most match nothing, so every phrase list is tried. */
const EVERYDAY = [
  'hi',
  'someone posted a pic of me and i dont know what to do',
  'he says he will send it to everyone at school if i dont pay',
  'i want to kill myself',
  'มีคนเอารูปหนูไปโพสต์ ทำไงดีคะ',
  'me quiero morir, todos lo vieron',
];

/** Long, repetitive messages (about 10,000 characters each), the kind the risk test checks for bounded work. */
const LONG = ['a '.repeat(5000), 'help '.repeat(3000), 'ช่วย'.repeat(3000), 'he is '.repeat(2000), 'no '.repeat(4000), 'me '.repeat(4000)];

function milliseconds(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Prints messages/s for everyday text and the worst time for one long message (median of 5 runs each). */
export function runRiskBench(log: (line: string) => void = console.log): void {
  const rounds = 2000;
  const everyday = () => {
    for (let i = 0; i < rounds; i++) for (const text of EVERYDAY) detectRisk(text, 'en');
  };
  everyday();
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const everydayMs = median(Array.from({ length: 5 }, () => milliseconds(everyday)));
  const longMs = LONG.map((text) => median(Array.from({ length: 5 }, () => milliseconds(() => void detectRisk(`${text} kill myself`, 'th')))));
  const worst = Math.max(...longMs);
  log(
    `risk detection: ${Math.round((rounds * EVERYDAY.length) / (everydayMs / 1000))} everyday messages/s; ` +
      `long repetitive messages (~10k chars) ${worst.toFixed(1)} ms worst, ${longMs.reduce((a, b) => a + b, 0).toFixed(1)} ms for all ${LONG.length}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) runRiskBench();
