import { describe, expect, it } from 'vitest';
import { nextSort, pageCount, pageNumbers, pageSearch, parseTableQuery, sortSearch, type TableParamsSpec } from '../../../app/ui/data-table/query';

const DESA: TableParamsSpec = {
  prefix: 'desa-',
  columns: [
    { key: 'name', sortable: true },
    { key: 'arrears', sortable: true },
    { key: 'phone', sortable: false },
  ],
  defaultSort: { key: 'arrears', dir: 'desc' },
  pageSize: 50,
};

const parse = (search: string) => parseTableQuery(DESA, new URLSearchParams(search));

describe('a table’s sort and page in the URL', () => {
  it('defaults to the table’s own sort and the first page', () => {
    expect(parse('')).toEqual({ ok: true, value: { sort: { key: 'arrears', dir: 'desc' }, page: 1, pageSize: 50, offset: 0 } });
  });

  it('reads its own prefix only: another table’s parameters on the same page are not its own', () => {
    expect(parse('desa-sort=name&desa-page=3&rejects-sort=bogus&rejects-page=x')).toEqual({
      ok: true,
      value: { sort: { key: 'name', dir: 'asc' }, page: 3, pageSize: 50, offset: 100 },
    });
  });

  it('takes - before the key as descending', () => {
    expect(parse('desa-sort=-name')).toMatchObject({ ok: true, value: { sort: { key: 'name', dir: 'desc' } } });
  });

  it('refuses a column that cannot be sorted on, naming the parameter and the choices', () => {
    expect(parse('desa-sort=phone')).toEqual({ ok: false, param: 'desa-sort', message: 'desa-sort must be one of name, arrears, with - before it for descending' });
    expect(parse('desa-sort=-')).toMatchObject({ ok: false, param: 'desa-sort' });
  });

  it('refuses a page that is not a whole number from 1', () => {
    for (const page of ['0', '-1', '1.5', 'dua', '1e3', '2000000']) expect(parse(`desa-page=${page}`), page).toMatchObject({ ok: false, param: 'desa-page' });
  });
});

describe('the links of the table', () => {
  it('sorts a column that is not sorted on: amounts largest first, text in order', () => {
    expect(nextSort({ key: 'arrears', format: 'money' }, { key: 'name', dir: 'asc' })).toEqual({ key: 'arrears', dir: 'desc' });
    expect(nextSort({ key: 'name', format: 'text' }, { key: 'arrears', dir: 'desc' })).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', format: 'text' }, null)).toEqual({ key: 'name', dir: 'asc' });
  });

  it('turns the direction round on a second click', () => {
    expect(nextSort({ key: 'arrears', format: 'money' }, { key: 'arrears', dir: 'desc' })).toEqual({ key: 'arrears', dir: 'asc' });
    expect(nextSort({ key: 'name', format: 'text' }, { key: 'name', dir: 'asc' })).toEqual({ key: 'name', dir: 'desc' });
  });

  it('keeps the page’s other parameters and goes back to page 1 when the sort changes', () => {
    expect(sortSearch('?bulan=2025-06&desa-page=4&rejects-page=2', 'desa-', { key: 'name', dir: 'desc' })).toBe('?bulan=2025-06&rejects-page=2&desa-sort=-name');
  });

  it('leaves page 1 out of the URL', () => {
    expect(pageSearch('?bulan=2025-06&desa-page=4', 'desa-', 1)).toBe('?bulan=2025-06');
    expect(pageSearch('?bulan=2025-06', 'desa-', 5)).toBe('?bulan=2025-06&desa-page=5');
    expect(pageSearch('?desa-page=2', 'desa-', 1)).toBe('?');
  });

  it('counts pages, an empty list being one empty page', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(100_000, 50)).toBe(2000);
  });

  it('links the first and last page and two either side, a gap of one page being the page itself', () => {
    expect(pageNumbers(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 9)).toEqual([1, 2, 3, null, 9]);
    expect(pageNumbers(4, 9)).toEqual([1, 2, 3, 4, 5, 6, null, 9]);
    expect(pageNumbers(2000, 2000)).toEqual([1, null, 1998, 1999, 2000]);
  });
});
