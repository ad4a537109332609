/** The overview as its page's loader sends it (app/lib/overview/page.server.ts overviewView). */
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../../app/lib/overview/figures.server';
import { overviewView } from '../../../app/lib/overview/page.server';

const movement = {
  month: '2025-06',
  month_end: '2025-06-30',
  opening: 1_000,
  newly_overdue: 300,
  recovered: 200,
  written_off: 0,
  closing: 1_100,
  recovered_by_channel: [{ channel_code: 'LOKET', channel_name: 'Loket', category: 'counter', recovered: 200 }],
  recovered_by_category: [{ category: 'counter', recovered: 200 }],
};

// Only the parts overviewView touches are filled in; the rest passes through as it is.
const overview = {
  as_of: '2025-06',
  month_end: '2025-06-30',
  total_arrears: 1_100,
  movement,
  trend: [
    { month: '2025-04', arrears: 900, legacy: 100 },
    { month: '2025-05', arrears: 1_000, legacy: 120 },
    { month: '2025-06', arrears: 1_100, legacy: 130 },
  ],
  target: null,
} as unknown as Overview;

describe('overviewView', () => {
  it('sends the trend as columns and the movement without its lines per channel', () => {
    const view = overviewView(overview);
    expect(view.trend).toEqual({ months: ['2025-04', '2025-05', '2025-06'], arrears: [900, 1_000, 1_100], legacy: [100, 120, 130] });
    const { recovered_by_channel: _, ...totals } = movement;
    expect(view.movement).toEqual(totals);
    expect({ ...view, trend: undefined, movement: undefined }).toEqual({ ...overview, trend: undefined, movement: undefined });
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(overview).length);
  });

  it('keeps a month without movement', () => {
    expect(overviewView({ ...overview, movement: null, trend: [] }).movement).toBeNull();
  });
});
