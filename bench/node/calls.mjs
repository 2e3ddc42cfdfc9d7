// Per-call overhead: the same GET answered by an in-process server, through raw fetch, the
// generated client and (when installed) extend-ai. Prints JSON: median ms per call of each, and
// under `ratios` the median of each round's ratio to raw fetch.
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dist, peers, calls = "1000", rounds = "5"] = process.argv.slice(2);
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

const sdk = await import(pathToFileURL(path.join(dist, "index.js")).href);
const ours = new sdk.ExtendClient({ token: "t", baseUrl: base });
const clients = {
  "raw fetch": async () => {
    const res = await fetch(`${base}/files/file_bench`, {
      headers: { authorization: "Bearer t", "x-extend-api-version": "2026-02-09", accept: "application/json" },
    });
    return await res.json();
  },
  generated: () => ours.files.retrieve("file_bench"),
};
if (peers) {
  try {
    const require = createRequire(path.join(peers, "package.json"));
    const { ExtendClient } = require("extend-ai");
    const official = new ExtendClient({ token: "t", baseUrl: base });
    clients["extend-ai"] = () => official.files.retrieve("file_bench");
    await clients["extend-ai"]();
  } catch (error) {
    delete clients["extend-ai"];
    console.error(`extend-ai skipped: ${error.message}`);
  }
}
// Rounds interleave the clients, in turns first then last, so load from elsewhere on the
// machine hits each alike; each round's own ratio to raw fetch is kept (two runs close in time
// meet the same load) and the median of those is the ratio.
const times = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
const ratios = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
for (const call of Object.values(clients)) for (let i = 0; i < 300; i++) await call();
const names = Object.keys(clients);
for (let r = 0; r < Number(rounds); r++) {
  const took = {};
  for (const name of r % 2 === 1 ? [...names].reverse() : names) {
    const call = clients[name];
    const start = performance.now();
    for (let i = 0; i < Number(calls); i++) await call();
    took[name] = (performance.now() - start) / Number(calls);
    times[name].push(took[name]);
  }
  for (const name of names) ratios[name].push(took[name] / took["raw fetch"]);
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const result = { ratios: {} };
for (const name of names) {
  result[name] = median(times[name]);
  result.ratios[name] = median(ratios[name]);
}
server.close();
console.log(JSON.stringify(result));
process.exit(0);
