// Opening logs: a genuine export is accepted with its replayed worlds; anything that is not JSON, not a log, or a
// log whose figures were edited is refused with the reason and the first problems.
import { describe, expect, it } from 'vitest';
import { baseName, isDuplicate, loadLogText, SHOWN_PROBLEMS } from '../../../client/src/debrief/load.js';
import { loaded, logText } from './helpers.js';

describe('loadLogText', () => {
  it('accepts an exported log and keeps the file, its config, replayed worlds and text', () => {
    const text = logText();
    const r = loadLogText('class-a.json', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.log.name).toBe('class-a.json');
    expect(r.log.raw).toBe(text);
    expect(r.log.config.rounds).toBe(6);
    expect(r.log.worlds).toHaveLength(4);
    expect(r.log.worlds.every((w) => w.history.length === 6)).toBe(true);
    expect(r.log.worlds[0]?.history[0]?.metrics.linkedPairs).toBe(3);
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(loadLogText('bom.json', `\ufeff${logText()}`).ok).toBe(true);
  });

  it('refuses text that is not JSON', () => {
    const r = loadLogText('notes.json', '{ not json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('notJson');
    expect(r.name).toBe('notes.json');
    expect(r.detail).not.toBe('');
  });

  it('refuses JSON that is not a Promotion Race log, or of another rules version', () => {
    const a = loadLogText('other.json', JSON.stringify({ hello: 'world' }));
    expect(a.ok ? null : a.reason).toBe('notLog');
    const log = JSON.parse(logText());
    log.rulesVersion = 2;
    const b = loadLogText('v2.json', JSON.stringify(log));
    expect(b.ok ? null : b.reason).toBe('notLog');
  });

  it('refuses a log whose output figure was edited, naming the world and round', () => {
    const log = JSON.parse(logText());
    log.worlds[1].rounds[2].results.regions.C.gdp += 5;
    const r = loadLogText('edited.json', JSON.stringify(log));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('tampered');
    expect(r.problemCount).toBeGreaterThan(0);
    expect(r.problems.length).toBeLessThanOrEqual(SHOWN_PROBLEMS);
    expect(r.problems[0]).toMatchObject({ world: 1, round: 3 });
    expect(r.problems[0]?.what).toContain('C.gdp');
  });

  it('refuses a log with a forged draw (an inspection that never happened)', () => {
    const log = JSON.parse(logText());
    const world = log.worlds.find((w: { rounds: { agreements: unknown[] }[] }) =>
      w.rounds.some((r) => r.agreements.length > 0),
    );
    const round = world.rounds.find((r: { agreements: unknown[] }) => r.agreements.length > 0);
    const id = round.agreements[0].id as string;
    round.draws.audit[id] = !round.draws.audit[id];
    const r = loadLogText('forged.json', JSON.stringify(log));
    expect(r.ok ? null : r.reason).toBe('tampered');
    if (!r.ok) expect(r.problems.some((p) => p.what.includes(`draws.audit.${id}`))).toBe(true);
  });

  it('lists at most the first problems but counts them all', () => {
    const log = JSON.parse(logText());
    for (const w of log.worlds) for (const r of w.rounds) r.results.welfare += 1;
    const r = loadLogText('many.json', JSON.stringify(log));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(SHOWN_PROBLEMS);
    expect(r.problemCount).toBeGreaterThanOrEqual(24);
  });
});

describe('file helpers', () => {
  it('recognises the same file opened twice', () => {
    const l = loaded();
    expect(isDuplicate([l], 'class-a.json', logText())).toBe(true);
    expect(isDuplicate([l], 'class-b.json', logText())).toBe(false);
  });

  it('makes download names from file names', () => {
    expect(baseName('C:\\Users\\me\\promotion-race-ABC123.json')).toBe('promotion-race-ABC123');
    expect(baseName('课堂 一.JSON')).toBe('课堂-一');
    expect(baseName('.json')).toBe('promotion-race');
  });
});
