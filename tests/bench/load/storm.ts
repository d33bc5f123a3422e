// The reconnect storm, on a student worker's side (--scenario reconnect-storm): every student socket of this
// process loses its connection at the same moment (its transport is closed, as when a Wi-Fi access point fails
// over or the server restarts), and Socket.IO's reconnection brings it back with the same seat token (the delays
// are the browser client's: 500 ms, growing). A student is back in its seat when its socket has connected again,
// been welcomed to its seat and received a full view (patches then apply to it). Reports each student's time
// from the drop to that moment; students not back within `timeoutMs` are counted as missing.
import type { Welcome } from '../../../shared/protocol/server-events.js';
import { config, send, worker } from './worker-state.js';

export function storm(timeoutMs: number): void {
  const students = worker.runs.flatMap((r) => r.students).filter((st) => st.sock);
  const times: number[] = [];
  let missing = students.length;
  let reported = false;
  const report = () => {
    if (reported) return;
    reported = true;
    worker.dropping = false;
    send({ type: 'stormed', workerId: config().workerId, times, missing, connectErrors: worker.errors.connectErrors });
  };
  worker.dropping = true;
  worker.errors.connectErrors = 0;
  const t0 = performance.now();
  for (const st of students) {
    const sock = st.sock;
    if (!sock) continue;
    let welcomed = false;
    const onWelcome = (w: Welcome) => {
      if (w.role === 'student' && w.seatId === st.seatId) welcomed = true;
    };
    const onView = () => {
      if (!welcomed) return;
      sock.off('session:welcome', onWelcome);
      sock.off('state:view', onView);
      times.push(performance.now() - t0);
      if (--missing === 0) report();
    };
    sock.on('session:welcome', onWelcome);
    sock.on('state:view', onView);
    // The transport goes away without a goodbye: the server notices the closed connection, the client reconnects.
    sock.io.engine.close();
  }
  if (students.length === 0) report();
  setTimeout(report, timeoutMs);
}
