// Interop: the official socket.io-client (npm) against a real studiotimer-hub process.
//
//   node hub_interop.mjs /path/to/studiotimer-hub
//
// Two organisations; A1 starts and stops a timer with acks, A2 (same organisation) receives
// timer:started and timer:stopped with attribution, B1 (other organisation) receives none of it.
// A wrong token is refused with connect_error "unauthorized". SIGTERM stops the hub cleanly and
// what was acknowledged is there after a restart. Exits non-zero with a message on any failure.

import { connect, nextEvent, request, withTimeout } from "./interop_helpers.mjs";
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const hubBin = process.argv[2];
if (!hubBin) {
  console.error("usage: node hub_interop.mjs STUDIOTIMER_HUB");
  process.exit(2);
}
const dataDir = mkdtempSync(join(tmpdir(), "st-interop-"));
const hubCli = (...args) =>
  JSON.parse(execFileSync(hubBin, ["--data-dir", dataDir, ...args]).toString().trim());

function startHub() {
  const hub = spawn(hubBin, ["--data-dir", dataDir, "--port", "0", "--bind", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  const port = new Promise((resolve, reject) => {
    hub.stderr.on("data", (chunk) => {
      log += chunk.toString();
      const m = log.match(/listening on port (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    hub.on("exit", (code) => reject(new Error(`hub exited (${code}) before listening:\n${log}`)));
  });
  const exited = new Promise((resolve) => hub.on("exit", (code, signal) => resolve({ code, signal })));
  return { hub, port, exited, log: () => log };
}


let hubProcess;
try {
  const a = hubCli("org", "create", "Studio A");
  const b = hubCli("org", "create", "Studio B");
  assert.ok(a.token && a.orgId && b.token && b.orgId, "org create prints orgId and token");
  const listed = execFileSync(hubBin, ["--data-dir", dataDir, "org", "list"]).toString().trim();
  assert.equal(listed.split("\n").length, 2, "org list prints one line per organisation");

  let hub = startHub();
  hubProcess = hub.hub;
  const port = await withTimeout(hub.port, 10000, "hub start");

  // A wrong token is refused.
  await assert.rejects(connect(port, "wrong-token", "Intruder"), /unauthorized/);

  const a1 = await connect(port, a.token, "A1");
  const a2 = await connect(port, a.token, "A2");
  const b1 = await connect(port, b.token, "B1");

  // The task types come with the change log.
  const pulled = await request(a1, "sync:pull", { since: 0 });
  assert.equal(pulled.ok, true);
  const recording = pulled.changes.find(
    (c) => c.type === "taskType:changed" && c.data.taskType.name === "Recording"
  );
  assert.ok(recording, "Recording is in the change log");
  const taskTypeId = recording.data.taskType.id;

  const user = { id: randomUUID(), name: "Renée" };
  const entryId = randomUUID();
  const started = await request(a1, "timer:start", {
    opId: randomUUID(),
    user,
    entryId,
    taskTypeId,
    note: "Lead vocals",
  });
  assert.equal(started.ok, true, JSON.stringify(started));
  assert.equal(started.entry.id, entryId);

  const seen = await nextEvent(a2, "timer:started");
  assert.equal(seen.entry.id, entryId);
  assert.equal(seen.user.name, "Renée");
  assert.equal(seen.taskType.name, "Recording");
  assert.equal(seen.device.name, "A1");
  assert.equal(seen.seq, started.seq);

  const stopped = await request(a1, "timer:stop", { opId: randomUUID(), user, entryId });
  assert.equal(stopped.ok, true, JSON.stringify(stopped));
  const seenStop = await nextEvent(a2, "timer:stopped");
  assert.equal(seenStop.entry.id, entryId);
  assert.notEqual(seenStop.entry.endedAt, null);
  assert.equal(seenStop.seq, started.seq + 1);

  // Issue 12: a client and a project upserted, then an entry on the project with a tag. The
  // other socket hears of the project, and the entry keeps its project, tags and the client's
  // rate at the hub and in the broadcast.
  const client = {
    id: randomUUID(),
    name: "Blue Label",
    color: "#336699",
    hourlyRateCents: 9000,
    archived: false,
  };
  const clientAck = await request(a1, "clients:upsert", { opId: randomUUID(), user, client });
  assert.equal(clientAck.ok, true, JSON.stringify(clientAck));
  assert.equal(clientAck.client.id, client.id);
  const project = {
    id: randomUUID(),
    name: "First Album",
    clientId: client.id,
    color: "#996633",
    hourlyRateCents: null,
    budgetMs: 36000000,
    budgetCents: null,
    archived: false,
  };
  const projectAck = await request(a1, "projects:upsert", { opId: randomUUID(), user, project });
  assert.equal(projectAck.ok, true, JSON.stringify(projectAck));
  assert.equal(projectAck.project.clientId, client.id);
  const seenProject = await nextEvent(a2, "project:changed");
  assert.equal(seenProject.project.id, project.id);
  assert.equal(seenProject.project.budgetMs, 36000000);
  assert.equal(seenProject.seq, projectAck.seq);
  const onProject = randomUUID();
  const hour = 3600000;
  const created = await request(a1, "timeEntries:create", {
    opId: randomUUID(),
    user,
    entry: {
      id: onProject,
      taskTypeId,
      startedAt: Date.now() - 3 * hour,
      endedAt: Date.now() - 2 * hour,
      projectId: project.id,
      tags: ["vocals"],
    },
  });
  assert.equal(created.ok, true, JSON.stringify(created));
  assert.equal(created.entry.projectId, project.id);
  assert.deepEqual(created.entry.tags, ["vocals"]);
  assert.equal(created.entry.hourlyRateCents, 9000, "the client's rate, stamped by the hub");
  const seenCreated = await nextEvent(a2, "entry:created");
  assert.equal(seenCreated.entry.id, onProject);
  assert.equal(seenCreated.entry.projectId, project.id);
  assert.deepEqual(seenCreated.entry.tags, ["vocals"]);

  // B1 answers a request of its own after A's broadcasts went out: anything for B would be
  // queued before this answer on the hub's single thread.
  const bPull = await request(b1, "sync:pull", { since: 0 });
  assert.equal(bPull.ok, true);
  assert.ok(bPull.changes.every((c) => c.type === "taskType:changed"), "B sees only its own log");
  const isPresence = (e) => e.event === "presence" || e.event.startsWith("presence:");
  const crossed = b1.received.filter((e) => !isPresence(e));
  assert.deepEqual(crossed, [], "no event crosses organisations");
  for (const p of b1.received.filter((e) => isPresence(e) && e.data.devices))
    assert.ok(p.data.devices.every((d) => d.name === "B1"), "B's presence lists B's devices only");
  // B acting on A's entry: not found.
  const refused = await request(b1, "timer:stop", {
    opId: randomUUID(),
    user: { id: randomUUID(), name: "Bob" },
    entryId,
  });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.code, "not_found");

  for (const s of [a1, a2, b1]) s.disconnect();

  // SIGTERM: a clean stop, and the acknowledged changes are there after a restart.
  hub.hub.kill("SIGTERM");
  const { code } = await withTimeout(hub.exited, 10000, "hub exit on SIGTERM");
  assert.equal(code, 0, `hub exit status on SIGTERM:\n${hub.log()}`);

  hub = startHub();
  hubProcess = hub.hub;
  const port2 = await withTimeout(hub.port, 10000, "hub restart");
  const again = await connect(port2, a.token, "A1");
  const log = await request(again, "sync:pull", { since: started.seq - 1 });
  assert.deepEqual(
    log.changes.map((c) => c.type),
    ["timer:started", "timer:stopped", "client:changed", "project:changed", "entry:created"]
  );
  const kept = log.changes.find((c) => c.type === "entry:created").data.entry;
  assert.equal(kept.projectId, project.id, "the entry keeps its project across a restart");
  again.disconnect();
  hub.hub.kill("SIGTERM");
  await withTimeout(hub.exited, 10000, "hub exit");
  console.log("interop: OK (socket.io-client against studiotimer-hub)");
} catch (err) {
  console.error("interop: FAILED:", err);
  process.exitCode = 1;
} finally {
  if (hubProcess && hubProcess.exitCode === null) hubProcess.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
}
