// Per-call overhead: the same GET answered by an in-process server, through raw fetch, the
// generated client and (when installed) extend-ai. Prints JSON: median ms per call of each.
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
// Rounds interleave the clients, so load from elsewhere on the machine hits each alike.
const times = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
for (const call of Object.values(clients)) for (let i = 0; i < 300; i++) await call();
for (let r = 0; r < Number(rounds); r++) {
  for (const [name, call] of Object.entries(clients)) {
    const start = performance.now();
    for (let i = 0; i < Number(calls); i++) await call();
    times[name].push((performance.now() - start) / Number(calls));
  }
}
const result = {};
for (const [name, list] of Object.entries(times)) {
  list.sort((a, b) => a - b);
  result[name] = list[Math.floor(list.length / 2)];
}
server.close();
console.log(JSON.stringify(result));
process.exit(0);
