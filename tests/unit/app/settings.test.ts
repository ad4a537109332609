import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
