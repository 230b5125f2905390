// What the interop scripts share: a socket.io-client desk that records every event, waiting for
// an event, and a request with its ack.

import { io } from "socket.io-client";

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
    }),
  ]);
}

export function connect(port, token, deviceName) {
  const socket = io(`ws://127.0.0.1:${port}`, {
    transports: ["websocket"],
    reconnection: false,
    auth: { token, deviceId: `dev-${deviceName}`, deviceName, since: 0 },
  });
  socket.received = [];
  socket.onAny((event, data) => socket.received.push({ event, data }));
  const ready = new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", (err) => reject(err));
  });
  return withTimeout(ready, 5000, `connect ${deviceName}`);
}

export function nextEvent(socket, name) {
  const seen = socket.received.find((e) => e.event === name);
  if (seen) return Promise.resolve(seen.data);
  return withTimeout(
    new Promise((resolve) => socket.once(name, resolve)),
    5000,
    `${name} on ${socket.auth.deviceName}`
  );
}

export const request = (socket, event, payload) => socket.timeout(5000).emitWithAck(event, payload);
