// Percentiles and the printed table of the load benchmark.

/** The p-th percentile (0-100) of ascending samples, by nearest rank; NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function sortNumbers(values: number[]): number[] {
  return values.sort((a, b) => a - b);
}

export function fmtMs(v: number): string {
  if (Number.isNaN(v)) return '-';
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

/** A fixed-width text table, right-aligned figures. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Ack p50 / p99 of the commands of each session size ("300 students: 1,500 commands, p50 … / p99 … ms; …"). */
export function acksBySessionSize(reports: readonly { ack: number[]; ackSession: number[] }[]): string {
  const bySize = new Map<number, number[]>();
  for (const r of reports)
    r.ack.forEach((ms, i) => {
      const size = r.ackSession[i] ?? 0;
      const list = bySize.get(size);
      if (list) list.push(ms);
      else bySize.set(size, [ms]);
    });
  return [...bySize]
    .sort((a, b) => b[0] - a[0])
    .map(([size, list]) => {
      const sorted = sortNumbers(list);
      return `sessions of ${size}: ${sorted.length} commands, p50 ${fmtMs(percentile(sorted, 50))} / p99 ${fmtMs(percentile(sorted, 99))} ms`;
    })
    .join('; ');
}

/**
 * The acks over `limitMs`, by second of the window ("3 s: 41, 17 s: 9"; the busiest seconds first, at most five):
 * whether the slow ones are spread over the window or come together (a stall of the whole machine, say).
 */
export function slowAcksBySecond(reports: readonly { ack: number[]; ackSentAt: number[] }[], limitMs: number): string {
  const sent = reports.flatMap((r) => r.ackSentAt);
  const start = Math.min(...sent);
  const bySecond = new Map<number, number>();
  let total = 0;
  for (const r of reports)
    r.ack.forEach((ms, i) => {
      if (ms <= limitMs) return;
      const second = Math.floor(((r.ackSentAt[i] ?? start) - start) / 1000);
      bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
      total++;
    });
  if (total === 0) return 'none';
  const top = [...bySecond].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return `${total} in ${bySecond.size} seconds; most in ${top.map(([s, n]) => `${s} s: ${n}`).join(', ')}`;
}
