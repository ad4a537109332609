/**
 * The directors' monthly report in sentences: given a month's figures, each sentence says what a
 * director would read off the overview, with the figures formatted as the dashboard writes them.
 */
import { describe, expect, it } from 'vitest';
import { kecamatanChanges, largestChanges } from '../../../app/lib/overview/kecamatan-change';
import { summarySentences, type SummaryFigures } from '../../../app/lib/overview/summary-sentences';
import type { TargetFigures } from '../../../app/lib/overview/target.server';

/** June 2025: arrears fell from Rp8,11 M (end of May) to Rp8.022.100.000. */
function june(changes: Partial<SummaryFigures> = {}): SummaryFigures {
  return {
    as_of: '2025-06',
    total_arrears: 8_022_100_000,
    customers_in_arrears: 12_345,
    legacy_arrears: 5_013_812_500,
    vs_previous_month: { month: '2025-05', from: 8_110_000_000, to: 8_022_100_000, delta: -87_900_000, ratio: -87_900_000 / 8_110_000_000 },
    vs_start_of_year: { month: '2024-12', from: 8_500_000_000, to: 8_022_100_000, delta: -477_900_000, ratio: -477_900_000 / 8_500_000_000 },
    target: null,
    collection_effectiveness: {
      from: '2025-01-01',
      to: '2025-06-30',
      billed: 1_000_000_000,
      own_bills: { collected: 873_000_000, ratio: 0.873, score: 4 },
      all_receipts: { collected: 951_000_000, ratio: 0.951, score: 5 },
    },
    movement: { month: '2025-06', opening: 8_110_000_000, newly_overdue: 412_300_000, recovered: 500_200_000, written_off: 0, closing: 8_022_100_000, recovered_by_category: [] },
    ...changes,
  } as SummaryFigures;
}

const sentence = (figures: SummaryFigures, topic: string, lang: 'id' | 'en' = 'id', kecamatan: Parameters<typeof summarySentences>[1] = null) =>
  summarySentences(figures, kecamatan, lang).find((s) => s.topic === topic)?.text;

describe('the arrears sentence', () => {
  it('given arrears fell Rp87,9 jt from the end of May, says so with the ratio, the new level and the customers', () => {
    expect(sentence(june(), 'arrears')).toBe(
      'Tunggakan per akhir Juni 2025 turun Rp87,9 jt (-1,1%) dibanding akhir Mei 2025 menjadi Rp8,02 M, pada 12.345 pelanggan.',
    );
  });

  it('given arrears rose from Rp500 jt to Rp510 jt, says they rose Rp10 jt (+2,0%)', () => {
    const rose = june({
      total_arrears: 510_000_000,
      vs_previous_month: { month: '2025-05', from: 500_000_000, to: 510_000_000, delta: 10_000_000, ratio: 0.02 },
    });
    expect(sentence(rose, 'arrears')).toBe('Tunggakan per akhir Juni 2025 naik Rp10 jt (+2,0%) dibanding akhir Mei 2025 menjadi Rp510 jt, pada 12.345 pelanggan.');
  });

  it('given the first month of the warehouse, gives the level and says there is nothing to compare with', () => {
    expect(sentence(june({ vs_previous_month: null, vs_start_of_year: null }), 'arrears')).toBe(
      'Tunggakan per akhir Juni 2025 Rp8,02 M, pada 12.345 pelanggan; belum ada bulan sebelumnya sebagai pembanding.',
    );
  });

  it('in English, with English number notation', () => {
    expect(sentence(june(), 'arrears', 'en')).toBe(
      'Arrears at the end of June 2025 fell Rp87.9M (-1.1%) from the end of May 2025 to Rp8.02B, owed by 12,345 customers.',
    );
  });
});

describe('the year and legacy sentence', () => {
  it('given arrears fell Rp477,9 jt since December and Rp5,01 M of Rp8,02 M is legacy, says both', () => {
    expect(sentence(june(), 'year')).toBe('Sejak awal 2025 tunggakan turun Rp478 jt (-5,6%); tunggakan lama (lebih dari 12 bulan) Rp5,01 M, 62,5% dari total.');
  });

  it('in January (the start of the year is last month, already said) is left out', () => {
    const january = june({
      as_of: '2025-01',
      vs_previous_month: { month: '2024-12', from: 8_500_000_000, to: 8_022_100_000, delta: -477_900_000, ratio: -0.0562 },
      vs_start_of_year: { month: '2024-12', from: 8_500_000_000, to: 8_022_100_000, delta: -477_900_000, ratio: -0.0562 },
    });
    expect(sentence(january, 'year')).toBeUndefined();
  });
});

describe('the movement sentence', () => {
  it('given Rp500,2 jt collected and Rp412,3 jt newly overdue and nothing written off, names the two', () => {
    expect(sentence(june(), 'movement')).toBe('Selama Juni 2025 tertagih Rp500 jt dari tunggakan dan Rp412 jt tagihan baru menunggak.');
  });

  it('given Rp25 jt written off, names it too', () => {
    const m = june().movement;
    if (!m) throw new Error('the fixture has a movement');
    expect(sentence(june({ movement: { ...m, written_off: 25_000_000 } }), 'movement')).toBe(
      'Selama Juni 2025 tertagih Rp500 jt dari tunggakan, Rp412 jt tagihan baru menunggak dan Rp25 jt dihapusbukukan.',
    );
  });

  it('without a movement for the month, is left out', () => {
    expect(sentence(june({ movement: null }), 'movement')).toBeUndefined();
  });
});

describe('the target sentence', () => {
  const target: TargetFigures = {
    percent: 10,
    by_date: '2025-12-31',
    base_month: '2024-12',
    base_arrears: 8_500_000_000,
    target_month: '2025-12',
    target_arrears: 7_650_000_000,
    status: 'off_track',
    slope_per_month: -40_000_000,
    projected: 7_782_100_000,
    gap: 132_100_000,
    reach_month: '2026-04',
    target_line: [],
    projection_line: [],
  };

  it('given the trend projects Rp7,78 M against a target of Rp7,65 M, says it is off track by Rp132 jt', () => {
    expect(sentence(june({ target }), 'target')).toBe(
      'Target pengurangan 10% menjadi Rp7,65 M pada 31 Desember 2025: tidak sesuai jalur, dengan tren 12 bulan terakhir tunggakan diproyeksikan Rp7,78 M, Rp132 jt di atas target.',
    );
  });

  it('given a target of 7,5% that was reached, says it was achieved', () => {
    expect(sentence(june({ target: { ...target, percent: 7.5, target_arrears: 7_862_500_000, status: 'achieved', projected: 7_800_000_000, gap: -62_500_000 } }), 'target')).toBe(
      'Target pengurangan 7,5% menjadi Rp7,86 M pada 31 Desember 2025 tercapai: tunggakan Rp7,8 M.',
    );
  });

  it('without a target, says none is set', () => {
    expect(sentence(june(), 'target')).toBe('Belum ada target pengurangan tunggakan (admin menetapkannya di halaman Data).');
  });
});

describe('the collection effectiveness sentence', () => {
  it('given 87,3% of this year’s bills collected (score 4) and 95,1% with older arrears (score 5), says both with their scores', () => {
    expect(sentence(june(), 'effectiveness')).toBe(
      'Efektivitas penagihan Jan 2025–Jun 2025: 87,3% atas tagihan terbit pada periode itu (skor 4), 95,1% dengan penerimaan tunggakan lama (skor 5).',
    );
  });

  it('given nothing billed in the period, says it cannot be computed', () => {
    const ce = june().collection_effectiveness;
    const none = { ...ce, billed: 0, own_bills: { collected: 0, ratio: null, score: null }, all_receipts: { collected: 0, ratio: null, score: null } };
    expect(sentence(june({ collection_effectiveness: none }), 'effectiveness')).toBe(
      'Efektivitas penagihan Jan 2025–Jun 2025 belum dapat dihitung: belum ada tagihan terbit.',
    );
  });
});

describe('the kecamatan sentence', () => {
  // End of May: Curup Timur Rp138 jt, Curup Rp117 jt, Bermani Ulu Rp4 jt, Sindang Dataran Rp2 jt.
  const may = [
    { code: '01', name: 'Curup Timur', arrears: 138_000_000 },
    { code: '02', name: 'Curup', arrears: 117_000_000 },
    { code: '03', name: 'Bermani Ulu', arrears: 4_000_000 },
    { code: '04', name: 'Sindang Dataran', arrears: 2_000_000 },
  ];
  // End of June: Curup Timur up 12 jt, Curup down 7 jt, Bermani Ulu the same, Sindang Dataran paid off.
  const juneRows = [
    { code: '01', name: 'Curup Timur', arrears: 150_000_000, customers: 80 },
    { code: '02', name: 'Curup', arrears: 110_000_000, customers: 61 },
    { code: '03', name: 'Bermani Ulu', arrears: 4_000_000, customers: 3 },
  ];

  it('a kecamatan that paid off its arrears stays in the list, with nothing left and its whole fall', () => {
    const rows = kecamatanChanges(juneRows, may);
    expect(rows.map((r) => [r.name, r.arrears, r.change])).toEqual([
      ['Curup Timur', 150_000_000, 12_000_000],
      ['Curup', 110_000_000, -7_000_000],
      ['Bermani Ulu', 4_000_000, 0],
      ['Sindang Dataran', 0, -2_000_000],
    ]);
    expect(rows[3].ratio).toBe(-1);
  });

  it('given Curup Timur rose Rp12 jt and Curup fell Rp7 jt, names them as the largest rise and fall', () => {
    expect(sentence(june(), 'kecamatan', 'id', kecamatanChanges(juneRows, may))).toBe(
      'Kecamatan dengan kenaikan terbesar: Curup Timur, naik Rp12 jt (+8,7%); penurunan terbesar: Curup, turun Rp7 jt (-6,0%).',
    );
  });

  it('given only rises, and a kecamatan with no arrears last month, names the rise without a ratio', () => {
    const rows = kecamatanChanges([{ code: '05', name: 'Kota Padang', arrears: 3_000_000, customers: 2 }], []);
    expect(largestChanges(rows).rise?.ratio).toBeNull();
    expect(sentence(june(), 'kecamatan', 'id', rows)).toBe(
      'Kecamatan dengan kenaikan terbesar: Kota Padang, naik Rp3 jt; tidak ada kecamatan yang tunggakannya turun.',
    );
  });

  it('without a previous month, has no kecamatan sentence', () => {
    const rows = kecamatanChanges(juneRows, null);
    expect(rows.every((r) => r.change === null)).toBe(true);
    expect(sentence(june(), 'kecamatan', 'id', rows)).toBeUndefined();
  });
});

it('the sentences come in reading order: level, year, movement, target, effectiveness, kecamatan', () => {
  const rows = kecamatanChanges([{ code: '01', name: 'Curup', arrears: 2, customers: 1 }], [{ code: '01', name: 'Curup', arrears: 1 }]);
  expect(summarySentences(june(), rows, 'id').map((s) => s.topic)).toEqual(['arrears', 'year', 'movement', 'target', 'effectiveness', 'kecamatan']);
});
