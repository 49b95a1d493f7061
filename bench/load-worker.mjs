// Load generator for the webhook benchmarks, run in its own thread so the server's event loop is measured alone.
import { parentPort, workerData } from 'node:worker_threads';

const { url, requests, concurrency } = workerData;
const latencies = [];
let next = 0;
let failure = null;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < requests.length && !failure; i = next++) {
      const { path, headers, body } = requests[i];
      const t = performance.now();
      const response = await fetch(url + path, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status !== 200) failure = `request ${i} answered ${response.status}`;
      latencies.push(performance.now() - t);
    }
  }),
);
parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, failure });
