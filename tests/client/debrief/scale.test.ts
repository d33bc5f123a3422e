// Scales and label fitting of the hand-made charts.
import { describe, expect, it } from 'vitest';
import {
  fitText,
  niceTicks,
  roundTicks,
  spreadLabels,
  textWidth,
  wrapList,
  yDomain,
} from '../../../client/src/debrief/scale.js';

describe('scales', () => {
  it('keeps shares on 0..1, counts from 0, and a tight range otherwise', () => {
    expect(yDomain('unit', [0.2, 0.9, null])).toEqual([0, 1]);
    expect(yDomain('zero', [0, 3, 7])).toEqual([0, 8]);
    expect(yDomain('zero', [0, 0])).toEqual([0, 1]);
    const [lo, hi] = yDomain('auto', [0.91, 0.97, 0.99]);
    expect(lo).toBeGreaterThan(0.5);
    expect(lo).toBeLessThanOrEqual(0.91);
    expect(hi).toBeGreaterThanOrEqual(1);
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 8, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(roundTicks(8, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(roundTicks(40, 10)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40]);
  });

  it('fits labels: CJK is wider, long text gets an ellipsis', () => {
    expect(textWidth('中文', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(12);
    expect(fitText('short', 10, 100)).toBe('short');
    const cut = fitText('Baseline then all reforms', 10, 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(60);
  });

  it('spreads direct labels apart without leaving the plot', () => {
    const ys = spreadLabels([50, 50, 52, 200], 14, 10, 210);
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ys)).toBeLessThanOrEqual(210);
    expect(ys[3]).toBe(200);
  });
});

describe('wrapList', () => {
  const names = ['Pilots', 'Market-led investment', 'Scientific evaluation', 'Sharing'];
  it('writes items one after another, on as few lines as fit the width', () => {
    expect(wrapList(names, ', ', 10, 1000, 3)).toEqual([
      'Pilots, Market-led investment, Scientific evaluation, Sharing',
    ]);
    const lines = wrapList(names, ', ', 10, 150, 4) ?? [];
    expect(lines.join(' ')).toBe('Pilots, Market-led investment, Scientific evaluation, Sharing');
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(150);
  });
  it('joins Chinese items without spaces; null when more lines are needed than allowed', () => {
    expect(wrapList(['试点容错', '利益共享'], '、', 10, 200, 1)).toEqual(['试点容错、利益共享']);
    expect(wrapList(names, ', ', 10, 60, 2)).toBeNull();
  });
});
