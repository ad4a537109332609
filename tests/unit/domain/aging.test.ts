import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS, ageBucket, ageBucketSql, ageInMonths } from '../../../etl/domain/aging';

describe('age of arrears', () => {
  it('a bill due in January is 1 month old at the end of January and 2 at the end of February', () => {
    expect(ageInMonths('2024-01-31', '2024-01-20')).toBe(1);
    expect(ageInMonths('2024-02-29', '2024-01-20')).toBe(2);
  });

  it('counts across years: due December 2023, as of June 2025 is 19 months', () => {
    expect(ageInMonths('2025-06-30', '2023-12-20')).toBe(19);
  });

  it('an opening balance from 1982 is in the oldest bucket', () => {
    expect(ageBucket(ageInMonths('2012-01-31', '1982-03-01'))).toBe('>60');
  });

  it.each([
    [1, '1'], [2, '2'], [3, '3'], [4, '4-6'], [6, '4-6'], [7, '7-12'], [12, '7-12'], [13, '13-24'], [24, '13-24'],
    [25, '25-60'], [60, '25-60'], [61, '>60'], [500, '>60'],
  ])('%i months falls in bucket %s', (months, label) => {
    expect(ageBucket(months)).toBe(label);
  });

  it('a debt not yet due has no bucket', () => {
    expect(() => ageBucket(0)).toThrow(RangeError);
  });

  it('the SQL CASE covers the same buckets, in order', () => {
    const sql = ageBucketSql('m');
    expect(sql.startsWith("CASE WHEN m <= 1 THEN '1'")).toBe(true);
    expect(sql.endsWith("ELSE '>60' END")).toBe(true);
    for (const b of AGE_BUCKETS) expect(sql).toContain(`'${b.label}'`);
  });
});
