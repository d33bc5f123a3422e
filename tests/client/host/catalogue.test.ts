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
