import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS } from '../../../etl/domain/aging';
import { collectionEffectiveness, daysReceivable } from '../../../etl/domain/kpi';
import {
  DAYS_RECEIVABLE_SCORE,
  EFFECTIVENESS_SCORE,
  KPI_LIST,
  KPIS,
  PROVISION_SCHEDULE,
  type DaysBands,
  type ProvisionSchedule,
  type RatioBands,
} from '../../../etl/domain/kpis';
import { ageBucketText, ageRangeText, bandsText as bandsTextNbsp, formatKpiValue, kpiLabel, provisionRuns } from '../../../app/i18n/kpi-text';

/** The band texts with their no-break spaces as plain ones, to read them here as the page shows them. */
const bandsText = (...args: Parameters<typeof bandsTextNbsp>) => bandsTextNbsp(...args).replace(/\u00a0/g, ' ');

describe('the KPI catalog', () => {
  it('names each KPI by its key, with a label in both languages', () => {
    for (const [key, kpi] of Object.entries(KPIS)) {
      expect(kpi.id).toBe(key);
      expect(kpi.label.id.length).toBeGreaterThan(0);
      expect(kpi.label.en.length).toBeGreaterThan(0);
    }
    expect(KPI_LIST.map((k) => k.id)).toEqual([
      'total_arrears',
      'current_arrears',
      'legacy_arrears',
      'customers_in_arrears',
      'receivables',
      'provision',
      'effectiveness_own_bills',
      'effectiveness_all_receipts',
      'days_receivable',
      'online_share',
    ]);
  });

  it('scores with the same bands it shows: both effectiveness variants and days receivable', () => {
    expect(KPIS.effectiveness_own_bills.bands).toBe(EFFECTIVENESS_SCORE);
    expect(KPIS.effectiveness_all_receipts.bands).toBe(EFFECTIVENESS_SCORE);
    expect(KPIS.days_receivable.bands).toBe(DAYS_RECEIVABLE_SCORE);
    // the formula the catalog names gives the score its bands describe: 86 of 100 collected is above 85%
    expect(KPIS.effectiveness_own_bills.formula).toBe(collectionEffectiveness);
    expect(collectionEffectiveness(86, 100).score).toBe(4);
    // 3,650 receivable on 36,500 a year is 36.5 days: at most 60
    expect(KPIS.days_receivable.formula).toBe(daysReceivable);
    expect(daysReceivable(3_650, 36_500).score).toBe(5);
  });

  it('labels and formats values by language', () => {
    expect(kpiLabel(KPIS.days_receivable, 'id')).toBe('Jangka waktu penagihan piutang');
    expect(kpiLabel(KPIS.days_receivable, 'en')).toBe('Days receivable');
    expect(formatKpiValue(KPIS.total_arrears, 8_023_456_789, 'id')).toBe('Rp8,02 M');
    expect(formatKpiValue(KPIS.total_arrears, 8_023_456_789, 'en')).toBe('Rp8.02B');
    expect(formatKpiValue(KPIS.effectiveness_own_bills, 0.8734, 'id')).toBe('87,3%');
    expect(formatKpiValue(KPIS.days_receivable, 1_519.4, 'en')).toBe('1,519 days');
    expect(formatKpiValue(KPIS.customers_in_arrears, 12_345, 'id')).toBe('12.345');
    expect(formatKpiValue(KPIS.online_share, null, 'id')).toBe('–');
  });
});

describe('band texts generated from the band constants', () => {
  it('collection effectiveness (Kepmendagri 47/1999), in Indonesian and English', () => {
    expect(bandsText(EFFECTIVENESS_SCORE, 'id')).toBe('Skor 5 > 90% · 4 > 85% · 3 > 80% · 2 > 75% · 1 ≤ 75%');
    expect(bandsText(EFFECTIVENESS_SCORE, 'en')).toBe('Score 5 > 90% · 4 > 85% · 3 > 80% · 2 > 75% · 1 ≤ 75%');
  });

  it('days receivable (Kepmendagri 47/1999)', () => {
    expect(bandsText(DAYS_RECEIVABLE_SCORE, 'id')).toBe('Skor 5 ≤ 60 · 4 ≤ 90 · 3 ≤ 150 · 2 ≤ 180 · 1 > 180 hari');
    expect(bandsText(DAYS_RECEIVABLE_SCORE, 'en')).toBe('Score 5 ≤ 60 · 4 ≤ 90 · 3 ≤ 150 · 2 ≤ 180 · 1 > 180 days');
  });

  it('the provision schedule: bucket 3 and 4–6 share 30%, 25–60 and over 60 share 100%, 0% left out', () => {
    expect(provisionRuns(PROVISION_SCHEDULE)).toEqual([
      { percent: 30, from: 3, to: 6 },
      { percent: 50, from: 7, to: 12 },
      { percent: 75, from: 13, to: 24 },
      { percent: 100, from: 25, to: null },
    ]);
    expect(bandsText(PROVISION_SCHEDULE, 'id')).toBe('30% umur 3–6 bln, 50% 7–12 bln, 75% 1–2 thn, 100% > 2 thn');
    expect(bandsText(PROVISION_SCHEDULE, 'en')).toBe('30% aged 3–6 mo, 50% 7–12 mo, 75% 1–2 yr, 100% > 2 yr');
  });

  it('the age buckets, in months or whole years', () => {
    expect(AGE_BUCKETS.map((b) => ageRangeText(b, 'id'))).toEqual(['1 bln', '2 bln', '3 bln', '4–6 bln', '7–12 bln', '1–2 thn', '2–5 thn', '> 5 thn']);
    expect(AGE_BUCKETS.map((b) => ageRangeText(b, 'en'))).toEqual(['1 mo', '2 mo', '3 mo', '4–6 mo', '7–12 mo', '1–2 yr', '2–5 yr', '> 5 yr']);
    expect(ageRangeText({ from: 4, to: null }, 'en')).toBe('> 3 mo');
    expect(ageBucketText('13-24', 'en')).toBe('1–2 yr');
    expect(() => ageBucketText('0', 'en')).toThrow(/unknown age bucket/);
  });

  it('change a band and the text changes with it', () => {
    const stricter: RatioBands = { kind: 'ratio-above', bands: [{ score: 5, above: 0.95 }, ...EFFECTIVENESS_SCORE.bands.slice(1, 3), { score: 2, above: 0.725 }] };
    expect(bandsText(stricter, 'id')).toBe('Skor 5 > 95% · 4 > 85% · 3 > 80% · 2 > 72,5% · 1 ≤ 72,5%');
    const longer: DaysBands = { kind: 'days-at-most', bands: [...DAYS_RECEIVABLE_SCORE.bands.slice(0, 3), { score: 2, atMost: 1_200 }] };
    expect(bandsText(longer, 'en')).toBe('Score 5 ≤ 60 · 4 ≤ 90 · 3 ≤ 150 · 2 ≤ 1,200 · 1 > 1,200 days');
    const kinder: ProvisionSchedule = { ...PROVISION_SCHEDULE, percentByBucket: { ...PROVISION_SCHEDULE.percentByBucket, '3': 0, '13-24': 100 } };
    expect(bandsText(kinder, 'id')).toBe('30% umur 4–6 bln, 50% 7–12 bln, 100% > 1 thn');
  });

  it('never breaks a line inside one band', () => {
    expect(bandsTextNbsp(EFFECTIVENESS_SCORE, 'en')).toContain(' · 4\u00a0>\u00a085% · ');
    expect(bandsTextNbsp(DAYS_RECEIVABLE_SCORE, 'id')).toContain(' · 1\u00a0>\u00a0180 hari');
  });

  it('refuses a schedule without a rate for a bucket', () => {
    const missing: ProvisionSchedule = { ...PROVISION_SCHEDULE, percentByBucket: { '1': 0 } };
    expect(() => bandsText(missing, 'id')).toThrow(/no provision rate for age bucket 2/);
  });
});
