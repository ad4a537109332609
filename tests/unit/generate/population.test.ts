import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../etl/domain/period';
import { DESA, kecamatanOf, SERVICE_UNITS, serviceUnitOf } from '../../../etl/generate/areas';
import { connectionDay, customerCount, makeCustomer } from '../../../etl/generate/population';
import { Rng } from '../../../etl/generate/prng';

describe('the customer population', () => {
  it('follows the connection counts of the utility, scaled', () => {
    expect(customerCount(1, dayNumber('2012-01-01'))).toBe(11_700);
    expect(customerCount(1, dayNumber('2023-01-01'))).toBe(14_000);
    expect(customerCount(1, dayNumber('2025-01-01'))).toBe(14_950);
    expect(customerCount(0.5, dayNumber('2023-01-01'))).toBe(7_000);
  });

  it('numbers customers in connection order', () => {
    const days = [0, 100, 5_000, 11_699, 11_700, 13_999].map((i) => connectionDay(i, 1));
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    // the customers counted by a day are exactly those connected by then
    expect(connectionDay(11_699, 1)).toBeLessThanOrEqual(dayNumber('2012-01-01'));
    expect(connectionDay(11_700, 1)).toBeGreaterThan(dayNumber('2012-01-01'));
  });

  it('puts most connections in urban Curup and hardly any where the network barely reaches', () => {
    const byKecamatan: Record<string, number> = {};
    for (let i = 0; i < 5_000; i++) {
      const c = makeCustomer(new Rng(1, i + 1), i, 1);
      const name = kecamatanOf(c.desa).name;
      byKecamatan[name] = (byKecamatan[name] ?? 0) + 1;
      expect(c.id).toMatch(/^0[1-4]\d{8}$/);
      expect(c.id.slice(0, 2)).toBe(c.unit.code);
    }
    const urban = ['Curup', 'Curup Tengah', 'Curup Timur', 'Curup Utara', 'Curup Selatan'].reduce((s, k) => s + (byKecamatan[k] ?? 0), 0);
    expect(urban / 5_000).toBeGreaterThan(0.6);
    expect((byKecamatan['Sindang Dataran'] ?? 0) + (byKecamatan['Sindang Beliti Ilir'] ?? 0)).toBeLessThan(50);
  });

  it('knows all 156 desa and kelurahan and a service unit for each', () => {
    expect(DESA).toHaveLength(156);
    expect(DESA.filter((d) => d.type === 'kelurahan')).toHaveLength(34);
    for (const d of DESA) {
      expect(d.type).toBe(d.code[9] === '1' ? 'kelurahan' : 'desa');
      expect(SERVICE_UNITS).toContain(serviceUnitOf(d));
    }
  });
});
