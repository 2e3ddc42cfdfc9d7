// Per-call overhead: the same GET answered by an in-process server, through raw fetch, the
// generated client and (when installed) extend-ai. Prints JSON: median ms per call of each (wall
// and CPU), and under `ratios` / `cpuRatios` the median of each round's ratio to raw fetch.
//
// Fairness: every client sends the same request (the same headers reach the server: auth, API
// version, accept; fetch adds its own user-agent when none is given, the SDK sends its own) and
// reads and JSON-decodes the whole body. `raw fetch + timeout` is raw fetch with what any
// timeout costs on fetch (an AbortController's signal and a timer per call); `raw node:http` is
// Node's own client on the same kept-alive connections (what the generated SDK sends such a call
// on, in Node: runtime/direct.ts). Both are shown for where the cost lies, never the baseline of
// the ratio, which is raw fetch: the raw client a TypeScript user would write.
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dist, peers, calls = "300", rounds = "20", warmup = "2000"] = process.argv.slice(2);
const FILE = JSON.stringify({
  object: "file", id: "file_bench", name: "Invoice.pdf", type: "PDF",
  presignedUrl: "https://example.com/file_bench.pdf", parentFileId: null,
  metadata: { pageCount: 3 }, createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z",
});
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_1" });
    res.end(FILE);
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const HEADERS = { authorization: "Bearer t", "x-extend-api-version": "2026-02-09", accept: "application/json" };

const sdk = await import(pathToFileURL(path.join(dist, "index.js")).href);
const ours = new sdk.ExtendClient({ token: "t", baseUrl: base });
const rawFetch = () => async () => {
  const res = await fetch(`${base}/files/file_bench`, { headers: HEADERS });
  return await res.json();
};
const clients = {
  "raw fetch": rawFetch(),
  // The same raw fetch again: its ratio to the first is this run's noise floor.
  "raw fetch, again": rawFetch(),
  generated: () => ours.files.retrieve("file_bench"),
  "raw node:http": () =>
    new Promise((resolve, reject) => {
      const request = http.get(`${base}/files/file_bench`, { headers: HEADERS }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
        response.on("error", reject);
      });
      request.on("error", reject);
    }),
  "raw fetch + timeout": async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60000);
    try {
      const res = await fetch(`${base}/files/file_bench`, { headers: HEADERS, signal: controller.signal });
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  },
};
if (peers) {
  try {
    const require = createRequire(path.join(path.resolve(peers), "package.json"));
    const { ExtendClient } = require("extend-ai");
    const official = new ExtendClient({ token: "t", baseUrl: base });
    clients["extend-ai"] = () => official.files.retrieve("file_bench");
    await clients["extend-ai"]();
  } catch (error) {
    delete clients["extend-ai"];
    console.error(`extend-ai skipped: ${error.message}`);
  }
}
// Warm-up: enough calls for V8 to optimise each client's hot functions (the SDK has more of
// them than raw fetch; 300 calls left some unoptimised) and for the connections to be pooled.
for (const call of Object.values(clients)) {
  for (let i = 0; i < Number(warmup); i++) {
    const data = await call();
    if (data.id !== "file_bench") throw new Error("the answer was not decoded");
  }
}
// Rounds interleave the clients (in the orders above) so load from elsewhere on the machine
// hits each alike; each round's own ratio to raw fetch is kept (two runs close in time
// meet the same load) and the median of those is the ratio. Many short rounds (20 of 300 calls)
// give a steadier median than a few long ones. CPU time (this process's user + system, every
// thread: the server, fetch and the garbage collector) is counted beside wall time: on a
// loaded machine wall time also counts the turns other processes take on the CPU, which is
// noise; on a quiet one the two agree (one thread does the work).
const names = Object.keys(clients);
// The orders of a Williams design: each client runs in every position and right after every
// other client equally often, so the garbage one client leaves, collected in the next one's
// time, burdens each alike (a plain rotation had one client always follow the same other).
function williams(count) {
  const first = [0];
  for (let step = 1; first.length < count; step++) {
    first.push(step);
    if (first.length < count) first.push(count - step);
  }
  const rows = Array.from({ length: count }, (_, shift) => first.map((i) => (i + shift) % count));
  return count % 2 === 1 ? [...rows, ...rows.map((row) => [...row].reverse())] : rows;
}
const orders = williams(names.length).map((row) => row.map((i) => names[i]));
const series = (make) => Object.fromEntries(names.map((name) => [name, make()]));
const times = series(() => []);
const cpuTimes = series(() => []);
const ratios = series(() => []);
const cpuRatios = series(() => []);
for (let r = 0; r < Number(rounds); r++) {
  const took = {};
  const cpu = {};
  for (const name of orders[r % orders.length]) {
    const call = clients[name];
    const startCpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < Number(calls); i++) await call();
    took[name] = (performance.now() - start) / Number(calls);
    const used = process.cpuUsage(startCpu);
    cpu[name] = (used.user + used.system) / 1000 / Number(calls);
    times[name].push(took[name]);
    cpuTimes[name].push(cpu[name]);
  }
  for (const name of names) {
    ratios[name].push(took[name] / took["raw fetch"]);
    cpuRatios[name].push(cpu[name] / cpu["raw fetch"]);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const result = { ratios: {}, cpuRatios: {}, cpu: {} };
for (const name of names) {
  result[name] = median(times[name]);
  result.cpu[name] = median(cpuTimes[name]);
  result.ratios[name] = median(ratios[name]);
  result.cpuRatios[name] = median(cpuRatios[name]);
}
server.close();
console.log(JSON.stringify(result));
process.exit(0);
