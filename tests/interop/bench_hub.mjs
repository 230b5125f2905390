// Benchmark (not a test): broadcast latency and request throughput of a real studiotimer-hub,
// measured with the official socket.io-client over loopback. Results in docs/PERFORMANCE-sync.md.
//
//   node bench_hub.mjs /path/to/studiotimer-hub [ROUNDS=500] [PIPELINED=4000]
//
// 1. Latency: one client starts a timer (a switch: the previous entry stops), three other clients
//    of the organisation receive timer:started; per round, the time from emit to the ack and to
//    the moment all three receivers have the broadcast. Rounds run one after the other.
// 2. Throughput: 4 clients each send PIPELINED/4 timer:start requests without waiting (each a
//    committed switch with 2 changes and broadcasts to the 4 sockets); requests/s until the last ack.
// 3. Read throughput: the same with sync:pull {since: head - 10, limit: 10}.

import { io } from "socket.io-client";
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const [hubBin, roundsArg, pipelinedArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg ?? 500);
const PIPELINED = Number(pipelinedArg ?? 4000);
const dataDir = mkdtempSync(join(tmpdir(), "st-bench-"));
const org = JSON.parse(
  execFileSync(hubBin, ["--data-dir", dataDir, "org", "create", "Bench"]).toString()
);
const hub = spawn(
  hubBin,
  ["--data-dir", dataDir, "--port", "0", "--bind", "127.0.0.1", "--rate-limit", "0"],
  { stdio: ["ignore", "ignore", "pipe"] }
);
const port = await new Promise((resolve) => {
  let log = "";
  hub.stderr.on("data", (c) => {
    log += c;
    const m = log.match(/listening on port (\d+)/);
    if (m) resolve(Number(m[1]));
  });
});

const connect = (name) =>
  new Promise((resolve, reject) => {
    const s = io(`ws://127.0.0.1:${port}`, {
      transports: ["websocket"],
      reconnection: false,
      auth: { token: org.token, deviceId: name, deviceName: name, since: 0 },
    });
    s.on("connect", () => resolve(s));
    s.on("connect_error", reject);
  });

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const f = (v) => v.toFixed(2);
  return `p50 ${f(pct(s, 50))} ms, p95 ${f(pct(s, 95))} ms, p99 ${f(pct(s, 99))} ms, max ${f(s[s.length - 1])} ms`;
};

const sender = await connect("sender");
const receivers = await Promise.all(["r1", "r2", "r3"].map(connect));
const pulled = await sender.emitWithAck("sync:pull", { since: 0 });
const taskTypeId = pulled.changes.find((c) => c.data.taskType?.name === "Recording").data.taskType
  .id;
const user = { id: randomUUID(), name: "Bench" };

// 1. Latency.
const ackMs = [];
const fanoutMs = [];
for (let i = 0; i < ROUNDS; i++) {
  const entryId = randomUUID();
  const got = receivers.map(
    (r) =>
      new Promise((resolve) => {
        const handler = (e) => {
          if (e.entry.id === entryId) {
            r.off("timer:started", handler);
            resolve(performance.now());
          }
        };
        r.on("timer:started", handler);
      })
  );
  const t0 = performance.now();
  const answer = await sender.emitWithAck("timer:start", {
    opId: randomUUID(),
    user,
    entryId,
    taskTypeId,
  });
  ackMs.push(performance.now() - t0);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  const times = await Promise.all(got);
  fanoutMs.push(Math.max(...times) - t0);
}

// 2. Pipelined mutations from 4 sockets.
const all = [sender, ...receivers];
async function pipelined(makeRequest) {
  const perSocket = Math.floor(PIPELINED / all.length);
  const t0 = performance.now();
  const answers = await Promise.all(
    all.flatMap((s, k) => Array.from({ length: perSocket }, (_, i) => makeRequest(s, k, i)))
  );
  const seconds = (performance.now() - t0) / 1000;
  const failed = answers.filter((a) => !a.ok).length;
  return { n: answers.length, seconds, rate: answers.length / seconds, failed };
}
const users = all.map((_, k) => ({ id: randomUUID(), name: `Bench ${k}` }));
const writes = await pipelined((s, k) =>
  s.emitWithAck("timer:start", {
    opId: randomUUID(),
    user: users[k],
    entryId: randomUUID(),
    taskTypeId,
  })
);
const head = (await sender.emitWithAck("sync:pull", { since: 0, limit: 1 })).head;
const reads = await pipelined((s) => s.emitWithAck("sync:pull", { since: head - 10, limit: 10 }));

console.log(`hub: ${hubBin}`);
console.log(`rounds: ${ROUNDS}, pipelined requests: ${PIPELINED}, head after run: ${head}`);
console.log(`ack latency (timer:start, committed):          ${summary(ackMs)}`);
console.log(`broadcast latency (emit -> all 3 receivers got it): ${summary(fanoutMs)}`);
console.log(
  `pipelined timer:start from 4 sockets: ${writes.n} in ${writes.seconds.toFixed(2)} s = ` +
    `${writes.rate.toFixed(0)} requests/s (${writes.failed} refused)`
);
console.log(
  `pipelined sync:pull (10 changes) from 4 sockets: ${reads.n} in ${reads.seconds.toFixed(2)} s = ` +
    `${reads.rate.toFixed(0)} requests/s (${reads.failed} refused)`
);

// The hub's own CPU time (Linux /proc; clock ticks of 1/100 s), to tell hub cost from load.
const stat = readFileSync(`/proc/${hub.pid}/stat`, "utf8").split(") ")[1].split(" ");
console.log(`hub CPU time for the whole run: user ${Number(stat[11]) / 100} s, system ${Number(stat[12]) / 100} s`);

for (const s of all) s.disconnect();
hub.kill("SIGTERM");
await new Promise((resolve) => hub.on("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });
