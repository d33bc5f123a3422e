// Which sessions each step adds and which worker plays them. Sessions are created over HTTP by the orchestrator
// (the workers only get their codes and tokens) with 600 s negotiate and decide phases, so that no phase ends
// during a run: students act in one phase from their session's first step to the end.
import { httpJson } from './http.js';
import type { SessionSpec } from './ipc.js';
import type { WorkerHandle } from './workers.js';

const SESSION_BODY = {
  preset: 'baseline-then-reforms',
  config: { phases: { briefing: 5, negotiate: 600, decide: 600, results: 30 } },
};

let sessionsCreated = 0;

export async function createSession(base: string, students: number): Promise<SessionSpec> {
  // The server allows 30 session creations per IP (then one per 2 s): spread them over loopback source addresses.
  const i = sessionsCreated++;
  const r = await httpJson('POST', `${base}/api/sessions`, {
    body: SESSION_BODY,
    localAddress: `127.0.${2 + Math.floor(i / 20)}.1`,
    agent: false,
  });
  const body = r.body as { code?: string; hostToken?: string; projectorToken?: string };
  if (r.status !== 201 || !body.code || !body.hostToken || !body.projectorToken)
    throw new Error(`create session: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return { code: body.code, hostToken: body.hostToken, projectorToken: body.projectorToken, students };
}

/** Session sizes per step: the big session first, then sessions of `sessionSize` (the last one of a step may be smaller). */
export function plan(steps: readonly number[], bigSize: number, sessionSize: number): number[][] {
  let total = 0;
  let bigDone = bigSize <= 0;
  return steps.map((target) => {
    let need = target - total;
    const sizes: number[] = [];
    if (!bigDone && need >= bigSize) {
      sizes.push(bigSize);
      need -= bigSize;
      bigDone = true;
    }
    while (need > 0) {
      const s = Math.min(sessionSize, need);
      sizes.push(s);
      need -= s;
    }
    total = Math.max(total, target);
    return sizes;
  });
}

/** Largest first, each to the least loaded worker (whole sessions: a session's host and students share a process). */
export function assign(
  workers: readonly WorkerHandle[],
  specs: readonly SessionSpec[],
): Map<WorkerHandle, SessionSpec[]> {
  const assigned = new Map<WorkerHandle, SessionSpec[]>(workers.map((w) => [w, []]));
  for (const spec of [...specs].sort((a, b) => b.students - a.students)) {
    const w = workers.reduce((a, b) => (b.students < a.students ? b : a));
    w.students += spec.students;
    assigned.get(w)?.push(spec);
  }
  return assigned;
}
