// The baseline of `make bench-hub` (not a test): a minimal Socket.IO 4.8 server doing the hub's
// job the plainest way, in memory: token auth in the CONNECT, the organisation's room, and
// timer:start -> ack {ok, seq, entry, serverTime} -> timer:started {seq, entry, user, ...} to the
// room. No database, no presence. Prints "listening on port N" on stderr, like studiotimer-hub.
//
//   TOKEN=secret node server.mjs [PORT=0]

import { createServer } from "node:http";
import { Server } from "socket.io";

const token = process.env.TOKEN ?? "";
const http = createServer();
const io = new Server(http, { transports: ["websocket"], serveClient: false });

io.use((socket, next) => {
  if (socket.handshake.auth?.token === token) next();
  else next(new Error("unauthorized"));
});

let seq = 0;
io.on("connection", (socket) => {
  const device = {
    id: String(socket.handshake.auth.deviceId ?? socket.id),
    name: String(socket.handshake.auth.deviceName ?? ""),
  };
  socket.join("org:bench");
  socket.on("timer:start", (payload, ack) => {
    if (typeof payload !== "object" || payload === null || typeof ack !== "function") return;
    const now = Date.now();
    seq += 1;
    const entry = {
      id: payload.entryId,
      orgId: "bench",
      userId: payload.user?.id,
      taskTypeId: payload.taskTypeId,
      roomId: null,
      note: "",
      startedAt: now,
      endedAt: null,
      pausedMs: 0,
      pausedAt: null,
      source: "timer",
      rev: 1,
      updatedAt: now,
      deleted: false,
      adjusted: false,
    };
    ack({ ok: true, seq, entry, serverTime: now });
    io.to("org:bench").emit("timer:started", {
      seq,
      entry,
      user: payload.user,
      taskType: { id: payload.taskTypeId, name: "Recording" },
      room: null,
      device,
    });
  });
  socket.on("sync:pull", (payload, ack) => {
    if (typeof ack === "function") ack({ ok: true, changes: [], head: seq, more: false });
  });
});

http.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  process.stderr.write(`sio-baseline: listening on port ${http.address().port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
