import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCollectionSettings, recentDays } from '../../../app/lib/settings/collections';
import { checkArrearsTarget, SettingsStore } from '../../../app/lib/settings.server';

describe('checkArrearsTarget', () => {
  it('accepts a reduction in percent (Indonesian or English decimals), a base month and a later date', () => {
    expect(checkArrearsTarget({ percent: '25', base_month: '2025-06', by_date: '2026-12-31' })).toEqual({
      ok: true,
      value: { percent: 25, base_month: '2025-06', by_date: '2026-12-31' },
    });
    expect(checkArrearsTarget({ percent: '12,5', base_month: '2025-06', by_date: '2026-06-30' })).toMatchObject({ ok: true, value: { percent: 12.5 } });
    expect(checkArrearsTarget({ percent: ' 7.25 ', base_month: '2025-06', by_date: '2026-06-30' })).toMatchObject({ ok: true, value: { percent: 7.3 } });
  });

  it('names the field that is wrong', () => {
    const ok = { percent: '25', base_month: '2025-06', by_date: '2026-12-31' };
    for (const percent of ['0', '-5', '101', 'abc', '']) expect(checkArrearsTarget({ ...ok, percent })).toEqual({ ok: false, field: 'percent' });
    for (const base_month of ['2025-13', '2025-6', '']) expect(checkArrearsTarget({ ...ok, base_month })).toEqual({ ok: false, field: 'base_month' });
    for (const by_date of ['2026-02-30', '31-12-2026', '2025-06-30', '2025-01-01']) {
      expect(checkArrearsTarget({ ...ok, by_date }), by_date).toEqual({ ok: false, field: 'by_date' });
    }
  });
});

describe('SettingsStore', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts without a target, stores one with who set it, and clears it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaba-settings-'));
    const store = new SettingsStore(join(dir, 'settings.json'));
    expect(await store.read()).toEqual({ arrears_target: null });
    await store.setArrearsTarget({ percent: 25, base_month: '2025-06', by_date: '2026-12-31' }, 'admin');
    const again = new SettingsStore(join(dir, 'settings.json'));
    expect((await again.read()).arrears_target).toMatchObject({ percent: 25, base_month: '2025-06', by_date: '2026-12-31', set_by: 'admin' });
    await again.clearArrearsTarget();
    expect((await store.read()).arrears_target).toBeNull();
  });
});

describe('the route planner setting (recent visit days)', () => {
  it('is 7 days when nobody has set it, or when the stored value is not a whole number of days from 0 to 90', () => {
    expect(parseCollectionSettings(undefined)).toEqual({ recent_visit_days: 7 });
    for (const bad of [-1, 91, 2.5, '14 hari', null]) expect(parseCollectionSettings({ recent_visit_days: bad }).recent_visit_days, String(bad)).toBe(7);
  });

  it('keeps what an admin set, 0 included (nobody left out), with who set it', () => {
    expect(parseCollectionSettings({ recent_visit_days: 14, set_by: 'admin', set_at: '2026-12-01T02:00:00Z' })).toEqual({
      recent_visit_days: 14,
      set_by: 'admin',
      set_at: '2026-12-01T02:00:00Z',
    });
    expect(parseCollectionSettings({ recent_visit_days: 0 }).recent_visit_days).toBe(0);
  });

  it('reads the form text as whole days only', () => {
    expect(recentDays(' 30 ')).toBe(30);
    for (const bad of ['', '3,5', '-2', '120', 'tujuh']) expect(recentDays(bad), bad).toBeNull();
  });
});
