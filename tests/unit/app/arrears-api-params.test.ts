/** GET /api/v1/arrears's parameters: the defaults, and a 400 naming each wrong one. */
import { describe, expect, it } from 'vitest';
import { parseArrearsApiQuery } from '../../../app/lib/arrears/api.server';
import { areaRedirect, drillSearch } from '../../../app/lib/arrears/paths';

const MONTHS = ['2025-05', '2025-06'];
const parse = (search: string) => parseArrearsApiQuery(new URLSearchParams(search), MONTHS, '2025-06');

describe('the arrears API parameters', () => {
  it('defaults: the last complete month, the kecamatan level, JSON, the largest debts first', () => {
    expect(parse('')).toEqual({
      ok: true,
      query: { month: '2025-06', level: 'kecamatan', filters: {}, format: 'json', sort: { column: 'arrears', direction: 'desc' }, page: 1, pageSize: 100 },
    });
  });

  it('customers: sort, page and page size up to 1,000', () => {
    expect(parse('level=customer&sort=-oldest_months&page=3&page_size=1000&min_amount=50000&age=%3E60')).toMatchObject({
      ok: true,
      query: { level: 'customer', sort: { column: 'oldest_months', direction: 'desc' }, page: 3, pageSize: 1000, filters: { minAmount: 50_000, age: '>60' } },
    });
  });

  it.each([
    ['as_of=2025-13', 'as_of'],
    ['as_of=2024-12', 'as_of'], // not a month of the warehouse
    ['level=village', 'level'],
    ['format=pdf', 'format'],
    ['level=customer&page_size=1001', 'page_size'],
    ['level=customer&page=0', 'page'],
    ['level=customer&sort=phone', 'sort'],
    ['level=desa&page=2', 'page'], // paging is for customers only
    ['kecamatan=17.2', 'kecamatan'],
    ['kecamatan=17.02.09&desa=17.02.17.2001', 'desa'],
    ['age=5', 'age'],
    ['min_amount=abc', 'min_amount'],
    ['status=asleep', 'status'],
    ['bulan=2025-06', 'bulan'], // the pages' name, not the API's
  ])('%s is a 400 naming %s', (search, param) => {
    const parsed = parse(search);
    expect(parsed).toMatchObject({ ok: false, param });
    if (!parsed.ok) expect(parsed.message.startsWith(`${param}:`)).toBe(true);
  });
});

describe('the drill-down URLs', () => {
  it('a kecamatan or desa from the filter form moves into the path, the other filters stay', () => {
    expect(areaRedirect(new URLSearchParams('bulan=2025-06&kecamatan=17.02.09&desa=&age=1'))).toBe('/arrears/17.02.09?bulan=2025-06&age=1');
    expect(areaRedirect(new URLSearchParams('kecamatan=&desa=17.02.09.1001&status=sealed'))).toBe('/arrears/17.02.09/17.02.09.1001?status=sealed');
    // the form changed kecamatan but kept the old desa: the kecamatan wins
    expect(areaRedirect(new URLSearchParams('kecamatan=17.02.17&desa=17.02.09.1001'))).toBe('/arrears/17.02.17');
    expect(areaRedirect(new URLSearchParams('bulan=2025-06'))).toBeNull();
  });
  it('empty values leave the query string', () => {
    expect(drillSearch({ bulan: '2025-06', tariff_class: null, status: '', kecamatan: '17.02.09' })).toBe('?bulan=2025-06');
  });
});
