// npm run bench:engine: resolveRound calls per second (4 regions, with projects) and full bot games per second
// (3 regions, 12 rounds, adaptive bots), single-threaded and on every core. Prints figures; never fails on time.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { MAP_PRESETS } from '../../shared/model/maps.js';
import { defaultParams } from '../../shared/model/params.js';
import { classPlanConfig } from '../../shared/model/presets.js';
import { resolveRound } from '../../shared/model/resolve.js';
import { playWorld } from '../../shared/model/sim/simulate.js';
import { drawRound } from '../../shared/model/draws.js';
import { initialState, type Agreement, type Decision } from '../../shared/model/state.js';

const GAME_CONFIG = classPlanConfig('simulator-6-6', { map: '3-single' });

function playGames(from: number, count: number): number {
  let rounds = 0;
  for (let g = from; g < from + count; g++)
    rounds += playWorld(GAME_CONFIG, `bench-${g}`, 0, () => 'adaptive').history.length;
  return rounds;
}

function benchResolve(): { perSecond: number; calls: number } {
  const params = defaultParams();
  const rules = { params, map: MAP_PRESETS['4-single']! };
  const state = initialState(rules);
  const agreements: Agreement[] = [
    { id: 'r1-C-I-project', type: 'project', a: 'C', b: 'I', host: 'I', hostShare: 0.5, sidePayment: 0.1 },
    { id: 'r1-C-I-openMarket', type: 'openMarket', a: 'C', b: 'I', host: null, hostShare: null, sidePayment: 0 },
    { id: 'r1-C-F-project', type: 'project', a: 'C', b: 'F', host: 'F', hostShare: 0.6, sidePayment: 0 },
    { id: 'r1-I-F-project', type: 'project', a: 'I', b: 'F', host: 'F', hostShare: 0.5, sidePayment: 0 },
  ];
  const decisions: Record<string, Decision> = {
    C: { invest: 'ELEC', barriers: ['R'], comply: { 'r1-C-I-project': 'honour', 'r1-C-F-project': 'breach' } },
    I: { invest: 'AUTO', barriers: [], comply: { 'r1-C-I-project': 'honour', 'r1-I-F-project': 'honour' } },
    F: { invest: 'AUTO', barriers: ['R'], comply: { 'r1-C-F-project': 'honour', 'r1-I-F-project': 'honour' } },
    R: { invest: 'CHEM', barriers: ['C', 'I'], comply: {} },
  };
  const treatments = ['A', 'B', 'D1', 'D2', 'D3', 'E'] as const;
  const draws = drawRound('bench:0', 1, agreements, params, true);
  const run = (n: number) => {
    let sink = 0;
    for (let k = 0; k < n; k++)
      sink += resolveRound(rules, [...treatments], state, agreements, decisions, draws).results.welfare;
    return sink;
  };
  run(20_000);
  const calls = 200_000;
  const t = performance.now();
  run(calls);
  return { perSecond: calls / ((performance.now() - t) / 1000), calls };
}

function benchGamesSingle(): { perSecond: number; games: number } {
  playGames(0, 100);
  const games = 400;
  const t = performance.now();
  playGames(1000, games);
  return { perSecond: games / ((performance.now() - t) / 1000), games };
}

async function benchGamesParallel(workers: number): Promise<{ perSecond: number; games: number }> {
  const perWorker = 300;
  const spawn = (k: number) =>
    new Promise<number>((resolve, reject) => {
      // Workers do not inherit tsx's loader on Node 20: register it in the worker, then load this file.
      const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      const w = new Worker(boot, { eval: true, workerData: { from: 10_000 + k * perWorker, count: perWorker } });
      w.once('message', (m: { ms: number }) => resolve(m.ms));
      w.once('error', reject);
    });
  // Each worker times its own games after warming up; the slowest bounds the throughput.
  const times = await Promise.all(Array.from({ length: workers }, (_, k) => spawn(k)));
  const seconds = Math.max(...times) / 1000;
  return { perSecond: (workers * perWorker) / seconds, games: workers * perWorker };
}

if (!isMainThread) {
  const { from, count } = workerData as { from: number; count: number };
  playGames(from + 100_000, 60);
  const t = performance.now();
  playGames(from, count);
  parentPort?.postMessage({ ms: performance.now() - t });
} else {
  const r = benchResolve();
  console.log(
    `resolveRound (4 regions, 4 agreements, all reforms): ${Math.round(r.perSecond).toLocaleString('en')} calls/s (${r.calls.toLocaleString('en')} calls)`,
  );
  const g = benchGamesSingle();
  console.log(
    `full games (3 regions, 12 rounds, adaptive bots), one thread: ${g.perSecond.toFixed(1)} games/s (${g.games} games, ${(1000 / g.perSecond).toFixed(2)} ms/game)`,
  );
  const cores = availableParallelism();
  const p = await benchGamesParallel(cores);
  console.log(
    `full games, ${cores} worker threads: ${p.perSecond.toFixed(1)} games/s (${p.games} games, timed after warm-up in each worker)`,
  );
}
