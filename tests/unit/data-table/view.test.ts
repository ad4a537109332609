import { describe, expect, it } from 'vitest';
import { loadRows, loadsTable, rejectsTable } from '../../../app/lib/tables/data-page.server';
import { tableQuery, tableView, type TableContext } from '../../../app/lib/tables/define.server';
import { desaRows, kecamatanDesaTable } from '../../../app/lib/tables/kecamatan-desa.server';
import { overviewAgeTable, overviewKecamatanTable } from '../../../app/lib/tables/overview.server';
import { tableById } from '../../../app/lib/tables/registry.server';
import type { KecamatanArrears } from '../../../app/lib/overview/kecamatan.server';
import type { RejectsPage } from '../../../app/lib/data.server';

const director: TableContext = { user: { name: 'direktur', role: 'director', teams: [] }, scope: { personalData: true, teams: 'all' } };
const manager: TableContext = { user: { name: 'manajer', role: 'manager', teams: [] }, scope: { personalData: false, teams: 'all' } };
const query = (def: Parameters<typeof tableQuery>[0], search = '') => tableQuery(def, new URLSearchParams(search));

// Kecamatan Curup at the end of June 2025: Talang Rimbo Rp3.000.000 (4 customers), Air Rambai
// Rp1.000.000 (1), Dwi Tunggal nothing: the kecamatan owes Rp4.000.000, Talang Rimbo 75% of it.
const CURUP: KecamatanArrears = {
  name: 'Curup',
  total_arrears: 4_000_000,
  customers: 5,
  desa: [
    { code: '17.02.09.1001', name: 'Talang Rimbo', type: 'kelurahan', arrears: 3_000_000, customers: 4 },
    { code: '17.02.09.2002', name: 'Air Rambai', type: 'desa', arrears: 1_000_000, customers: 1 },
    { code: '17.02.09.2003', name: 'Dwi Tunggal', type: 'desa', arrears: 0, customers: 0 },
  ],
};

describe('the kecamatan page’s desa table', () => {
  it('lists the desa with arrears and their share of the kecamatan’s', () => {
    expect(desaRows(CURUP).map((d) => [d.name, d.share])).toEqual([
      ['Talang Rimbo', 0.75],
      ['Air Rambai', 0.25],
    ]);
  });

  it('sorts as the URL says, totals every desa, and links the export with the page’s own parameters', () => {
    const view = tableView(kecamatanDesaTable, CURUP, query(kecamatanDesaTable, 'desa-sort=name&other=1'), director, { kecamatan: '17.02.09', month: '2025-06' });
    expect(view.rows.map((r) => r.name)).toEqual(['Air Rambai', 'Talang Rimbo']);
    expect(view.totals).toEqual({ arrears: 4_000_000, customers: 5 });
    expect(view.count).toBe(2);
    expect(view.exportHref).toBe('/export/kecamatan-desa?kecamatan=17.02.09&bulan=2025-06&desa-sort=name');
    // the default order needs no parameter
    expect(tableView(kecamatanDesaTable, CURUP, query(kecamatanDesaTable), director, { kecamatan: '17.02.09', month: '2025-06' }).exportHref).toBe(
      '/export/kecamatan-desa?kecamatan=17.02.09&bulan=2025-06',
    );
  });

  it('ends a page request with a bad sort in a 400 that names the parameter', async () => {
    let thrown: unknown;
    try {
      query(kecamatanDesaTable, 'desa-sort=phone');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).json()).toMatchObject({ param: 'desa-sort' });
  });
});

describe('the Data page’s tables', () => {
  const page: RejectsPage = {
    count: 120,
    offset: 50,
    limit: 50,
    file: 'customers.csv',
    personal_data_hidden: false,
    rows: [{ file_name: 'customers.csv', line: 7, reason: 'phone is not a phone number', raw: 'C0007,Rahmat Hidayat,Jl. Merdeka 5,08x' }],
  };

  it('shows the raw line to a director, a page of rows out of the whole count', () => {
    const view = tableView(rejectsTable, page, query(rejectsTable, 'rejects-page=2'), director, { file: 'customers.csv' });
    expect(view.columns.map((c) => c.key)).toEqual(['file_name', 'line', 'reason', 'raw']);
    expect(view.rows[0].raw).toContain('Rahmat Hidayat');
    expect(view).toMatchObject({ count: 120, page: 2, pageSize: 50, exportHref: '/export/data-rejects?file=customers.csv' });
  });

  it('never sends the raw line to a role without personal data, even if a query returned it', () => {
    const view = tableView(rejectsTable, page, query(rejectsTable), manager, { file: null });
    expect(view.columns.map((c) => c.key)).toEqual(['file_name', 'line', 'reason']);
    expect(JSON.stringify(view)).not.toContain('Rahmat');
  });

  it('lists the newest load first, files without money showing no amount', () => {
    const file = (file_id: number, loaded_at: string, amount_loaded: number) => ({
      file_id,
      file_name: `f${file_id}.csv`,
      kind: 'payments',
      format: 'canonical',
      loaded_at,
      rows_read: 10,
      rows_loaded: 9,
      rows_rejected: 1,
      rows_replaced: 0,
      amount_loaded,
      sha256: 'x',
    });
    const files = [file(1, '2025-07-01 10:00:00', 0), file(2, '2025-07-01 10:00:00', 5000), file(3, '2025-07-02 09:00:00', 7000)];
    expect(loadRows(files)[0].amount_loaded).toBeNull();
    const view = tableView(loadsTable, files, query(loadsTable), director, {});
    expect(view.rows.map((r) => r.file_name)).toEqual(['f3.csv', 'f2.csv', 'f1.csv']);
    expect(view.totals).toMatchObject({ rows_read: 30, rows_rejected: 3, amount_loaded: 12000 });
  });

  it('finds every table by its id for the export, and nothing else', () => {
    expect(['kecamatan-desa', 'data-loads', 'data-rejects'].map((id) => tableById(id)?.id)).toEqual(['kecamatan-desa', 'data-loads', 'data-rejects']);
    expect(tableById('toString')).toBeNull();
    expect(tableById('data-rejects')?.roles).toEqual(['director', 'admin']);
  });
});

describe('the overview’s tables, ready for the page', () => {
  // Rp4.000.000 in all: Curup Rp3.000.000 (4 customers), Bermani Ulu Rp1.000.000 (1); ages 1 month
  // Rp2.500.000 (no provision) and over five years Rp1.500.000 (provided for in full).
  const figures = {
    total_arrears: 4_000_000,
    by_kecamatan: [
      { code: '17.02.09', name: 'Curup', arrears: 3_000_000, customers: 4, latitude: null, longitude: null },
      { code: '17.02.03', name: 'Bermani Ulu', arrears: 1_000_000, customers: 1, latitude: null, longitude: null },
    ],
    by_age: [
      { bucket: '1', arrears: 2_500_000, current: true, provision_percent: 0, provision: 0 },
      { bucket: '>60', arrears: 1_500_000, current: false, provision_percent: 100, provision: 1_500_000 },
    ],
  };

  it('lists the kecamatan with their share, totalled', () => {
    const view = tableView(overviewKecamatanTable, figures, query(overviewKecamatanTable, 'kec-sort=name'), manager, { month: '2025-06' });
    expect(view.rows.map((r) => [r.name, r.share])).toEqual([
      ['Bermani Ulu', 0.25],
      ['Curup', 0.75],
    ]);
    expect(view.totals).toEqual({ arrears: 4_000_000, customers: 5 });
    expect(view.exportHref).toBe('/export/overview-kecamatan?bulan=2025-06&kec-sort=name');
  });

  it('lists the age buckets in their order with the provision rate as a ratio', () => {
    const view = tableView(overviewAgeTable, figures, query(overviewAgeTable), manager, { month: '2025-06' });
    expect(view.rows).toEqual([
      { bucket: '1', arrears: 2_500_000, provision_rate: 0, provision: 0 },
      { bucket: '>60', arrears: 1_500_000, provision_rate: 1, provision: 1_500_000 },
    ]);
    expect(view.totals).toEqual({ arrears: 4_000_000, provision: 1_500_000 });
  });
});
