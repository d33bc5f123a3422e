// The host's texts exist in both languages, with the same placeholders, and every key the console builds exists.
import { describe, expect, it } from 'vitest';
import { hostEn } from '../../../shared/i18n/ui/host.en.js';
import { hostZh } from '../../../shared/i18n/ui/host.zh-CN.js';
import { BOT_STRATEGIES } from '../../../shared/model/ids.js';
import { MAP_PRESET_IDS } from '../../../shared/model/maps.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('host catalogue', () => {
  it('has a non-empty Chinese text with the same placeholders for every English key', () => {
    for (const [key, en] of Object.entries(hostEn)) {
      const zh = (hostZh as Record<string, string>)[key];
      expect(zh, key).toBeTruthy();
      expect(placeholders(zh!), key).toEqual(placeholders(en));
    }
    expect(Object.keys(hostZh).sort()).toEqual(Object.keys(hostEn).sort());
  });

  it('names every preset map and bot strategy', () => {
    for (const id of MAP_PRESET_IDS) expect(Object.keys(hostEn)).toContain(`host.map.${id}`);
    for (const s of BOT_STRATEGIES) expect(Object.keys(hostEn)).toContain(`host.bot.${s}`);
  });
});

describe('host catalogue: keys built from a phase or a plural category', () => {
  it('says what ending each phase does, and has one and other forms of every plural', () => {
    for (const phase of ['lobby', 'briefing', 'negotiate', 'decide', 'results', 'ended', 'lastResults'])
      expect(Object.keys(hostEn)).toContain(`host.endPhase.body.${phase}`);
    const plurals = Object.keys(hostEn).filter((k) => k.endsWith('.one'));
    expect(plurals.length).toBeGreaterThan(0);
    for (const k of plurals) expect(Object.keys(hostEn)).toContain(k.replace(/\.one$/, '.other'));
    // No "(s)" plurals left: every count goes through Intl.PluralRules.
    for (const [key, text] of Object.entries(hostEn)) expect(text, key).not.toMatch(/\(s\)/);
  });
});
