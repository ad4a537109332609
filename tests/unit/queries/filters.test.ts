/** The arrears filters as an API or a page reads them from the query string (etl/queries/filters.ts). */
import { describe, expect, it } from 'vitest';
import { parseArrearsFilters } from '../../../etl/queries/filters';

const parse = (query: string) => parseArrearsFilters(new URLSearchParams(query));

describe('parseArrearsFilters', () => {
  it('no parameters: no filters; empty ones count as absent', () => {
    expect(parse('')).toEqual({ ok: true, filters: {} });
    expect(parse('kecamatan=&age=&min_amount=')).toEqual({ ok: true, filters: {} });
  });

  it('reads every filter', () => {
    expect(parse('kecamatan=17.02.09&desa=17.02.09.1001&tariff_class=R2&status=sealed&age=4-6&min_amount=250000')).toEqual({
      ok: true,
      filters: { kecamatan: '17.02.09', desa: '17.02.09.1001', tariffClass: 'R2', status: 'sealed', age: '4-6', minAmount: 250_000 },
    });
    expect(parse('age=%3E60')).toEqual({ ok: true, filters: { age: '>60' } });
  });

  it.each([
    ['kecamatan=17.2.9', 'kecamatan'],
    ['kecamatan=Curup', 'kecamatan'],
    ['desa=17.02.09', 'desa'],
    ['kecamatan=17.02.09&desa=17.02.17.2001', 'desa'],
    ['tariff_class=R2%27%20OR%201%3D1', 'tariff_class'],
    ['status=paid', 'status'],
    ['age=13', 'age'],
    ['age=60%2B', 'age'],
    ['min_amount=-5', 'min_amount'],
    ['min_amount=1.000', 'min_amount'],
    ['min_amount=lots', 'min_amount'],
  ])('%s is refused, naming %s', (query, parameter) => {
    const r = parse(query);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.parameter).toBe(parameter);
      expect(r.message).toContain(parameter);
    }
  });

  it('names the first wrong parameter when several are', () => {
    expect(parse('status=gone&age=99')).toMatchObject({ ok: false, parameter: 'status' });
  });
});
