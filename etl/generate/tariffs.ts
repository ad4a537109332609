/**
 * Block tariffs of the demo utility. R2 is Perbup Rejang Lebong 35/2021 (unchanged since 2013); R3's
 * range is public too; the other classes are scaled from them because their rates were not found.
 * Every bill is priced for at least MINIMUM_M3 (the usual PDAM minimum charge), so a sealed
 * connection with no use still owes the minimum plus the fixed charge.
 */

export const TARIFF_CLASSES = ['S1', 'S2', 'R1', 'R2', 'R3', 'N1', 'N2', 'I1', 'IP'] as const;
export type TariffClass = (typeof TARIFF_CLASSES)[number];

export interface Tariff {
  name: string;
  /** rupiah per m³ for 1–10, 11–20, 21–30 and above 30 m³ */
  blockRates: readonly [number, number, number, number];
  /** biaya beban, every month whatever the use */
  fixedCharge: number;
  /** meter upkeep and administration, billed as other_charge */
  meterFee: number;
  /** biaya segel, added to other_charge in the month the connection is sealed */
  sealFee: number;
}

export const MINIMUM_M3 = 10;
const BLOCK_M3 = 10;

export const TARIFFS: Readonly<Record<TariffClass, Tariff>> = {
  S1: { name: 'Sosial Umum', blockRates: [1_000, 1_000, 1_000, 1_000], fixedCharge: 10_000, meterFee: 0, sealFee: 20_000 },
  S2: { name: 'Sosial Khusus', blockRates: [1_200, 1_500, 1_900, 2_400], fixedCharge: 15_000, meterFee: 2_000, sealFee: 20_000 },
  R1: { name: 'Rumah Tangga 1', blockRates: [1_400, 1_800, 2_300, 2_900], fixedCharge: 18_000, meterFee: 2_500, sealFee: 25_000 },
  R2: { name: 'Rumah Tangga 2', blockRates: [1_800, 2_300, 2_900, 3_500], fixedCharge: 23_000, meterFee: 2_500, sealFee: 30_000 },
  R3: { name: 'Rumah Tangga 3', blockRates: [2_200, 2_900, 3_600, 4_400], fixedCharge: 28_000, meterFee: 2_500, sealFee: 35_000 },
  N1: { name: 'Niaga Kecil', blockRates: [3_000, 3_800, 4_600, 5_500], fixedCharge: 35_000, meterFee: 5_000, sealFee: 50_000 },
  N2: { name: 'Niaga Besar', blockRates: [4_000, 5_000, 6_000, 7_200], fixedCharge: 50_000, meterFee: 5_000, sealFee: 60_000 },
  I1: { name: 'Industri', blockRates: [5_000, 6_200, 7_500, 9_000], fixedCharge: 75_000, meterFee: 7_000, sealFee: 75_000 },
  IP: { name: 'Instansi Pemerintah', blockRates: [3_200, 4_000, 4_800, 5_800], fixedCharge: 40_000, meterFee: 5_000, sealFee: 50_000 },
};

/** Periods before the 2013 tariff were billed at the previous, lower rates. */
const CURRENT_TARIFF_FROM = 2013 * 12; // month index of 2013-01
const PREVIOUS_TARIFF_FACTOR = 0.8;

const older = (rate: number) => Math.round((rate * PREVIOUS_TARIFF_FACTOR) / 50) * 50;
const PREVIOUS_TARIFFS = {} as Record<TariffClass, Tariff>;
for (const c of TARIFF_CLASSES) {
  const t = TARIFFS[c];
  const [a, b, d, e] = t.blockRates;
  PREVIOUS_TARIFFS[c] = { ...t, blockRates: [older(a), older(b), older(d), older(e)], fixedCharge: older(t.fixedCharge) };
}

export function tariffFor(tariffClass: TariffClass, periodIdx: number): Tariff {
  return (periodIdx >= CURRENT_TARIFF_FROM ? TARIFFS : PREVIOUS_TARIFFS)[tariffClass];
}

/** Water charge for a month's use, block by block, never less than the minimum use. */
export function waterCharge(tariff: Tariff, usageM3: number): number {
  let rest = Math.max(usageM3, MINIMUM_M3);
  let charge = 0;
  for (let block = 0; block < tariff.blockRates.length && rest > 0; block++) {
    const inBlock = block === tariff.blockRates.length - 1 ? rest : Math.min(rest, BLOCK_M3);
    charge += inBlock * tariff.blockRates[block];
    rest -= inBlock;
  }
  return charge;
}

export interface BillCharges {
  water: number;
  fixed: number;
  other: number;
  total: number;
}

export function billCharges(tariff: Tariff, usageM3: number, sealedThisMonth: boolean): BillCharges {
  const water = waterCharge(tariff, usageM3);
  const other = tariff.meterFee + (sealedThisMonth ? tariff.sealFee : 0);
  return { water, fixed: tariff.fixedCharge, other, total: water + tariff.fixedCharge + other };
}
