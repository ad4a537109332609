import { describe, expect, it } from 'vitest';
import { billCharges, MINIMUM_M3, TARIFF_CLASSES, tariffFor, TARIFFS, waterCharge } from '../../../etl/generate/tariffs';

const JAN_2024 = 2024 * 12;

describe('block tariffs', () => {
  it('prices 25 m³ of R2 block by block', () => {
    expect(waterCharge(TARIFFS.R2, 25)).toBe(10 * 1_800 + 10 * 2_300 + 5 * 2_900);
  });

  it('prices use above 30 m³ at the top rate', () => {
    expect(waterCharge(TARIFFS.R2, 42)).toBe(10 * 1_800 + 10 * 2_300 + 10 * 2_900 + 12 * 3_500);
  });

  it('bills at least the minimum use, even for a sealed meter', () => {
    expect(waterCharge(TARIFFS.R2, 0)).toBe(MINIMUM_M3 * 1_800);
    expect(waterCharge(TARIFFS.R2, 4)).toBe(waterCharge(TARIFFS.R2, MINIMUM_M3));
  });

  it('makes every block dearer than the one before, in every class', () => {
    for (const c of TARIFF_CLASSES) {
      const [a, b, d, e] = TARIFFS[c].blockRates;
      expect(a <= b && b <= d && d <= e).toBe(true);
    }
  });

  it('adds the fixed charge, the meter fee and, in the month of sealing, the seal fee', () => {
    const open = billCharges(TARIFFS.R2, 25, false);
    expect(open).toEqual({ water: 55_500, fixed: 23_000, other: 2_500, total: 55_500 + 23_000 + 2_500 });
    const sealed = billCharges(TARIFFS.R2, 0, true);
    expect(sealed.other).toBe(2_500 + TARIFFS.R2.sealFee);
    expect(sealed.total).toBe(sealed.water + sealed.fixed + sealed.other);
  });

  it('uses the current tariff from 2013 and the lower previous one before', () => {
    expect(tariffFor('R2', JAN_2024)).toBe(TARIFFS.R2);
    expect(tariffFor('R2', 2013 * 12)).toBe(TARIFFS.R2);
    const older = tariffFor('R2', 2012 * 12 + 11);
    expect(older.blockRates[0]).toBeLessThan(TARIFFS.R2.blockRates[0]);
    expect(older.fixedCharge).toBeLessThan(TARIFFS.R2.fixedCharge);
  });
});
