// Every key the debrief builds from its data (sections, charts, metrics, questions, causes, measures, summary
// rows, tabs, refusal reasons) exists in English and Chinese, and both catalogues use the same placeholders.
import { describe, expect, it } from 'vitest';
import { debriefEn } from '../../../shared/i18n/ui/debrief.en.js';
import { debriefZh } from '../../../shared/i18n/ui/debrief.zh-CN.js';
import { CAUSES, MEASURES, QUESTIONS, SECTIONS, TAB_IDS } from '../../../client/src/debrief/sections.js';
import { METRICS } from '../../../client/src/debrief/series.js';
import { SUMMARY_ROWS } from '../../../client/src/debrief/summary.js';

const en = debriefEn as Record<string, string>;
const zh = debriefZh as Record<string, string>;

function dynamicKeys(): string[] {
  const keys: string[] = [];
  for (const s of SECTIONS) {
    keys.push(`debrief.section.${s.id}`, `debrief.section.${s.id}.intro`);
    for (const c of s.charts) keys.push(`debrief.chart.${c.id}`);
  }
  keys.push('debrief.chart.fiscal');
  for (const m of Object.keys(METRICS)) keys.push(`debrief.m.${m}`, `debrief.m.${m}.short`);
  for (const q of QUESTIONS) keys.push(`debrief.q.${q.id}`);
  for (const c of CAUSES) keys.push(`debrief.cause.${c}`, `debrief.cause.${c}.long`);
  for (const m of MEASURES) keys.push(`debrief.measure.${m}`);
  for (const r of SUMMARY_ROWS) keys.push(`debrief.sum.${r.key}`);
  keys.push('debrief.sum.promoted');
  for (const t of TAB_IDS) keys.push(`debrief.tab.${t}`);
  for (const m of ['world', 'arm']) keys.push(`debrief.mode.${m}`);
  for (const r of ['tooBig', 'notJson', 'notLog', 'tampered']) keys.push(`debrief.load.${r}`);
  for (const s of ['Beat', 'Meet', 'Miss']) keys.push(`debrief.ev.shock${s}`);
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('debrief catalogue', () => {
  it('has every key built from data', () => {
    const missing = dynamicKeys().filter((k) => en[k] === undefined || zh[k] === undefined);
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in both languages, and no empty text', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(text.trim(), key).not.toBe('');
      expect(zh[key]?.trim(), key).not.toBe('');
      expect(placeholders(zh[key] ?? ''), key).toEqual(placeholders(text));
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('ties every question to at least one cause, measure and reform', () => {
    for (const q of QUESTIONS) {
      expect(q.causes.length, q.id).toBeGreaterThan(0);
      expect(q.measures.length, q.id).toBeGreaterThan(0);
      expect(q.reforms.length, q.id).toBeGreaterThan(0);
    }
    const covered = new Set(QUESTIONS.flatMap((q) => q.causes));
    expect([...covered].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
