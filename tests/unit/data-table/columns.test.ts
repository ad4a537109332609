import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../app/lib/tables/define.server';
import { sortRows, totalsOf, windowRows } from '../../../app/lib/tables/window';
import { cellValue, columnAlign, exportColumns, formatCell, visibleColumns, type ColumnDef } from '../../../app/ui/data-table/columns';

describe('a column’s cells as the page shows them', () => {
  it('writes money as full rupiah, counts grouped, ratios as percent', () => {
    expect(formatCell({ format: 'money' }, 8023456789, 'id')).toBe('Rp8.023.456.789');
    expect(formatCell({ format: 'money' }, 8023456789, 'en')).toBe('Rp8,023,456,789');
    expect(formatCell({ format: 'money' }, -2500, 'id')).toBe('-Rp2.500');
    expect(formatCell({ format: 'number' }, 14012, 'id')).toBe('14.012');
    expect(formatCell({ format: 'percent' }, 0.8734, 'id')).toBe('87,3%');
    expect(formatCell({ format: 'percent' }, 0.8734, 'en')).toBe('87.3%');
  });

  it('writes dates, months and times in the language', () => {
    expect(formatCell({ format: 'date' }, '2025-06-30', 'id')).toBe('30 Jun 2025');
    expect(formatCell({ format: 'month' }, '2025-06', 'id')).toBe('Juni 2025');
    expect(formatCell({ format: 'month' }, '2025-06', 'en')).toBe('June 2025');
    expect(formatCell({ format: 'datetime' }, '2025-07-01 14:05:09', 'id')).toBe('1 Jul 2025 14.05');
    expect(formatCell({ format: 'datetime' }, '2025-07-01 14:05:09', 'en')).toBe('1 Jul 2025 14:05');
  });

  it('shows a dash for no value, and translated codes', () => {
    expect(formatCell({ format: 'money' }, null, 'id')).toBe('–');
    expect(formatCell({ format: 'text' }, '', 'id')).toBe('–');
    const type = { format: 'text' as const, values: { kelurahan: 'kecamatan.type.kelurahan' as const } };
    expect(formatCell(type, 'kelurahan', 'id')).toBe('Kelurahan');
    expect(cellValue(type, 'kelurahan', 'en')).toBe('Kelurahan');
    expect(cellValue(type, 'dusun', 'id')).toBe('dusun');
    expect(cellValue(type, 12, 'id')).toBe(12);
  });

  it('puts numbers at the right unless told otherwise', () => {
    expect(columnAlign({ format: 'money' })).toBe('end');
    expect(columnAlign({ format: 'percent' })).toBe('end');
    expect(columnAlign({ format: 'date' })).toBe('start');
    expect(columnAlign({ format: 'number', align: 'start' })).toBe('start');
  });
});

const COLUMNS: ColumnDef[] = [
  { key: 'name', label: 'kecamatan.desa', format: 'text', sortable: true },
  { key: 'arrears', label: 'kecamatan.arrears', format: 'money', sortable: true, total: true },
  { key: 'customers', label: 'kecamatan.customers', format: 'number', total: true },
  { key: 'phone', label: 'kecamatan.customers', format: 'text', personal: true },
];

describe('the columns of an export', () => {
  it('carry the header in the user’s language and the format', () => {
    expect(exportColumns(COLUMNS.slice(0, 2), 'en')).toEqual([
      { key: 'name', header: 'Desa/kelurahan', format: 'text' },
      { key: 'arrears', header: 'Arrears', format: 'money' },
    ]);
  });

  it('leave personal data out for a role without it', () => {
    expect(visibleColumns(COLUMNS, false).map((c) => c.key)).toEqual(['name', 'arrears', 'customers']);
    expect(visibleColumns(COLUMNS, true).map((c) => c.key)).toEqual(['name', 'arrears', 'customers', 'phone']);
  });

  it('name the file after the table with nothing a header or file system would choke on', () => {
    expect(exportFileName('kecamatan-desa', ['17.02.09', '2025-06'], 'xlsx')).toBe('kaba-kecamatan-desa-17.02.09-2025-06.xlsx');
    expect(exportFileName('data-rejects', ['bills "juni".csv'], 'csv')).toBe('kaba-data-rejects-bills_juni_.csv.csv');
  });
});

describe('a list held in memory, sorted and cut into pages', () => {
  // Three desa: Air Duku Rp2.000 (3 customers), Curup Rp5.000 (2), Batu Galing with no figure yet.
  const rows = [
    { name: 'Curup', arrears: 5000, customers: 2 },
    { name: 'air Duku', arrears: 2000, customers: 3 },
    { name: 'Batu Galing', arrears: null, customers: 0 },
  ];

  it('sorts names in Indonesian order whatever their case, and rows without a value last either way', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['air Duku', 'Batu Galing', 'Curup']);
    expect(sortRows(rows, { key: 'arrears', dir: 'desc' }).map((r) => r.name)).toEqual(['Curup', 'air Duku', 'Batu Galing']);
    expect(sortRows(rows, { key: 'arrears', dir: 'asc' }).map((r) => r.name)).toEqual(['air Duku', 'Curup', 'Batu Galing']);
    expect(sortRows(rows, null)).toEqual(rows);
  });

  it('sorts numbers inside text as numbers (desa 2 before desa 10)', () => {
    expect(sortRows([{ n: 'Desa 10' }, { n: 'Desa 2' }], { key: 'n', dir: 'asc' }).map((r) => r.n)).toEqual(['Desa 2', 'Desa 10']);
  });

  it('totals every row, not only the page: Rp7.000 and 5 customers', () => {
    const page = windowRows(rows, COLUMNS, { sort: { key: 'arrears', dir: 'desc' }, offset: 1, limit: 1 });
    expect(page).toEqual({ rows: [{ name: 'air Duku', arrears: 2000, customers: 3 }], count: 3, totals: { arrears: 7000, customers: 5 } });
    expect(windowRows(rows, COLUMNS, { sort: null, offset: 0, limit: null }).rows).toHaveLength(3);
    expect(totalsOf(rows, [{ key: 'name' }])).toBeNull();
  });
});
