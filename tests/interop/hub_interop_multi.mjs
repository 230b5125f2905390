// Interop (issue 14): the official socket.io-client (npm) against two studiotimer-hub processes
// on one PostgreSQL 15 database, which this script starts itself (initdb in a temporary folder, a
// Unix socket there, no TCP; as the postgres user when run as root).
//
//   node hub_interop_multi.mjs /path/to/studiotimer-hub
//
// A timer started by a socket on hub A is heard on hub B with who started it and from which
// desk; the desk on B sees the desk on A in its presence list. Exits non-zero with a message on
// any failure.

import { connect, nextEvent, request, withTimeout } from "./interop_helpers.mjs";
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const hubBin = process.argv[2];
if (!hubBin) {
  console.error("usage: node hub_interop_multi.mjs STUDIOTIMER_HUB");
  process.exit(2);
}
const pgBin = "/usr/lib/postgresql/15/bin";
if (!existsSync(`${pgBin}/pg_ctl`)) {
  console.error("interop: FAILED: PostgreSQL 15 is not installed (tools/install-deps.sh)");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "st-interop-pg-"));
const pgData = join(dir, "data");
const asRoot = userInfo().uid === 0;
// initdb and postgres refuse to run as root: then they run as postgres, which owns the folder.
function pg(tool, args) {
  if (!asRoot) return execFileSync(`${pgBin}/${tool}`, args, { stdio: "pipe" });
  return execFileSync("runuser", ["-u", "postgres", "--", `${pgBin}/${tool}`, ...args], {
    stdio: "pipe",
  });
}
if (asRoot) {
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
  chownSync(dir, uid, gid);
}
const url = `postgresql://postgres@/postgres?host=${dir}&port=5432`;
const hubDataDir = (name) => join(dir, name);

function startHub(name) {
  const hub = spawn(
    hubBin,
    ["--data-dir", hubDataDir(name), "--database", url, "--port", "0", "--bind", "127.0.0.1",
     "--no-announce"],
    { stdio: ["ignore", "ignore", "pipe"] }
  );
  let log = "";
  const port = new Promise((resolve, reject) => {
    hub.stderr.on("data", (chunk) => {
      log += chunk.toString();
      const m = log.match(/listening on port (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    hub.on("exit", (code) => reject(new Error(`hub ${name} exited (${code}):\n${log}`)));
  });
  const exited = new Promise((resolve) => hub.on("exit", (code) => resolve(code)));
  return { hub, port, exited };
}


const hubs = [];
let pgStarted = false;
try {
  pg("initdb", ["-D", pgData, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                "--no-sync"]);
  pg("pg_ctl", ["-D", pgData, "-l", join(dir, "server.log"), "-o",
                `-k ${dir} -c listen_addresses='' -p 5432 -c fsync=off`, "-w", "start"]);
  pgStarted = true;

  const org = JSON.parse(
    execFileSync(hubBin, ["--data-dir", hubDataDir("cli"), "--database", url, "org", "create",
                          "Studio Nord"]).toString().trim()
  );
  assert.ok(org.token && org.orgId, "org create prints orgId and token");

  hubs.push(startHub("a"), startHub("b"));
  const [portA, portB] = await withTimeout(Promise.all(hubs.map((h) => h.port)), 20000,
                                           "hubs start");
  const onA = await connect(portA, org.token, "Desk A");
  const onB = await connect(portB, org.token, "Desk B");

  const pulled = await request(onA, "sync:pull", { since: 0 });
  const recording = pulled.changes.find(
    (c) => c.type === "taskType:changed" && c.data.taskType.name === "Recording"
  );
  assert.ok(recording, "Recording is in the change log");

  // Started on A, heard on B: who, from which desk, which entry, the same seq.
  const user = { id: randomUUID(), name: "Renée" };
  const entryId = randomUUID();
  const started = await request(onA, "timer:start", {
    opId: randomUUID(),
    user,
    entryId,
    taskTypeId: recording.data.taskType.id,
  });
  assert.equal(started.ok, true, JSON.stringify(started));
  const heard = await nextEvent(onB, "timer:started");
  assert.equal(heard.entry.id, entryId);
  assert.equal(heard.user.name, "Renée");
  assert.equal(heard.device.name, "Desk A");
  assert.equal(heard.seq, started.seq);

  // The desk on B lists the desk on A (a presence:joined from the other hub).
  const listsA = () =>
    onB.received.some(
      (e) => e.event === "presence:joined" && e.data.devices.some((d) => d.name === "Desk A")
    );
  const deadline = Date.now() + 10000;
  while (!listsA() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(listsA(), "the desk on hub B sees the desk on hub A");

  for (const s of [onA, onB]) s.disconnect();
  for (const h of hubs) h.hub.kill("SIGTERM");
  const codes = await withTimeout(Promise.all(hubs.map((h) => h.exited)), 10000, "hubs exit");
  assert.deepEqual(codes, [0, 0], "both hubs stop cleanly on SIGTERM");
  console.log("interop: OK (socket.io-client against two studiotimer-hubs on PostgreSQL)");
} catch (err) {
  console.error("interop: FAILED:", err);
  process.exitCode = 1;
} finally {
  for (const h of hubs) if (h.hub.exitCode === null) h.hub.kill("SIGKILL");
  if (pgStarted) {
    try {
      pg("pg_ctl", ["-D", pgData, "-m", "immediate", "-w", "stop"]);
    } catch (err) {
      console.error("could not stop PostgreSQL:", err.message);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
