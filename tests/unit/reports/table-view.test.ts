/** The report page's table: a rekap comes whole from its query and is shown a page at a time. */
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../etl/domain/reports/shape';
import { reportTableView } from '../../../app/lib/reports/table.server';

const rekap = (lines: number): ReportResult => ({
  report: 'lpp',
  view: 'rekap',
  filters: {},
  columns: [
    { key: 'day', label: 'day', format: 'text' },
    { key: 'principal', label: 'principal', format: 'money', summed: true },
  ] as ReportResult['columns'],
  rows: Array.from({ length: lines }, (_, i) => ({ row_type: 'line' as const, day: `d${i + 1}`, principal: 1000 })),
  totals: { principal: lines * 1000 },
  count: lines,
  offset: 0,
  limit: null,
});

describe('a rekap of 250 lines on the page, 100 a page', () => {
  it('page 3 shows lines 201 to 250 and the totals of all 250', () => {
    const view = reportTableView(rekap(250), 'id', new URLSearchParams('from=2026-10-01'), 3, 100);
    expect(view.rows.map((r) => r.day)).toEqual(Array.from({ length: 50 }, (_, i) => `d${i + 201}`));
    expect([view.count, view.page, view.pageSize]).toEqual([250, 3, 100]);
    expect(view.totals).toEqual({ principal: 250_000 });
  });

  it('page 1 shows the first 100; the downloads still take every line (no page in their link)', () => {
    const view = reportTableView(rekap(250), 'id', new URLSearchParams('from=2026-10-01&page=1'), 1, 100);
    expect(view.rows).toHaveLength(100);
    expect(view.exportHref).toBe('/api/v1/reports/lpp?from=2026-10-01');
  });
});
