// Load generator for the webhook benchmarks, run in its own thread so the server's event loop is measured alone.
import { parentPort, workerData } from 'node:worker_threads';

const { url, requests, concurrency, warmUp } = workerData;
const send = ({ path, headers, body }) => fetch(url + path, { method: 'POST', headers, body });
// The first requests warm connections and the JIT; they are not measured.
for (let i = 0; i < warmUp; i++) await (await send(requests[i])).arrayBuffer();
const latencies = [];
let next = warmUp;
let failure = null;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < requests.length && !failure; i = next++) {
      const t = performance.now();
      const response = await send(requests[i]);
      await response.arrayBuffer();
      if (response.status !== 200) failure = `request ${i} answered ${response.status}`;
      latencies.push(performance.now() - t);
    }
  }),
);
parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, failure });
