/**
 * How customers pay, as pure functions of a customer's traits, the calendar and a random stream.
 *
 * The utility's public arrears trajectory (about Rp7 M at the end of 2020, 8 M in 2022, 10 M in 2023,
 * 13 M in November 2024, 16.5 M in mid 2025, for 14,000 connections) comes out of these parameters.
 * Most customers pay every month; a minority pays late, seasonally or irregularly; some stop paying
 * altogether and keep being billed, sealed or not, until the connection is cut, which freezes the debt
 * rather than clearing it. Growth of 3 M a year on about 13 M billed means a quarter of the bills going
 * unpaid in 2023–mid 2025, so that is when non-payers multiply, government offices and big accounts
 * among them, while sealing and cutting all but stop. From July 2025 the collection team works the
 * backlog: non-payers go back to paying their new bills, some agree to instalments, collectors collect,
 * and the curve bends to flat and slightly down.
 */
import { interpolate } from './curve';
import type { Rng } from './prng';
import type { TariffClass } from './tariffs';

export type PayerType = 'punctual' | 'seasonal' | 'late' | 'chronic';
/**
 * Paying as the payer type says; stopped paying altogether; paying only each new bill and leaving the
 * arrears where they are; or paying arrears off in instalments (cicil).
 */
export type Mode = 'paying' | 'stopped' | 'current' | 'instalments';
const PAYER_TYPES: readonly PayerType[] = ['punctual', 'seasonal', 'late', 'chronic'];

/** Government offices and social connections are notoriously slow payers. */
export function drawPayerType(rng: Rng, tariffClass: TariffClass): PayerType {
  const weights =
    tariffClass === 'IP' ? [0.3, 0, 0.35, 0.35] : tariffClass === 'S1' || tariffClass === 'S2' ? [0.5, 0, 0.3, 0.2] : [0.6, 0.18, 0.13, 0.09];
  return PAYER_TYPES[rng.weighted(weights)];
}

/** How much likelier than a punctual payer each type is to stop paying altogether. */
const STOP_FACTOR: Readonly<Record<PayerType, number>> = { punctual: 0.4, seasonal: 0.7, late: 1.2, chronic: 2 };
/** Offices, schools and businesses stop paying more readily than households: bigger bills, fixed budgets. */
const CLASS_STOP_FACTOR: Partial<Record<TariffClass, number>> = { IP: 5, N2: 2.5, I1: 2.5, N1: 1.5, S2: 1.5 };

export interface Era {
  /** monthly chance that a payer of factor 1 stops paying */
  stopHazard: number;
  /** monthly chance that a non-payer who is still connected pays everything */
  settleConnected: number;
  /** monthly chance that a cut-off debtor comes back and pays everything */
  settleDisconnected: number;
  /** monthly chance that a connection with three or more overdue bills is sealed */
  sealRate: number;
  /** monthly chance that a connection sealed for three months or more is cut */
  disconnectRate: number;
  /** monthly chance that a debtor gets a collector visit (once the team exists) */
  visitRate: number;
  /** monthly chance that a sealed non-payer accepts instalments (cicil) rather than be cut */
  instalmentOffer: number;
  /** monthly chance that a connected non-payer starts paying new bills again, leaving the arrears */
  resumeRate: number;
  /** monthly chance that a government office or big business stops paying (budget cuts) */
  bigAccountStop: number;
}

type Anchors = readonly (readonly [number, number])[];
const m = (year: number, month: number) => year * 12 + month - 1;

// Quiet years to 2019, the pandemic from April 2020, the collapse of 2023 to mid 2025, the collection
// campaign from July 2025 (the team itself exists from December 2022).
const ERA_ANCHORS: Readonly<Record<keyof Era, Anchors>> = {
  stopHazard: [[m(2012, 1), 0.0025], [m(2019, 12), 0.0025], [m(2020, 4), 0.006], [m(2022, 9), 0.006], [m(2023, 1), 0.035], [m(2024, 1), 0.045], [m(2025, 6), 0.075], [m(2025, 7), 0.004]],
  settleConnected: [[m(2012, 1), 0.01], [m(2022, 12), 0.01], [m(2023, 6), 0.004], [m(2025, 6), 0.004], [m(2025, 7), 0.006]],
  settleDisconnected: [[m(2012, 1), 0.001], [m(2025, 6), 0.001], [m(2025, 7), 0.002]],
  sealRate: [[m(2012, 1), 0.25], [m(2022, 12), 0.25], [m(2023, 6), 0.01], [m(2025, 6), 0.01], [m(2025, 7), 0.1]],
  disconnectRate: [[m(2012, 1), 0.015], [m(2022, 12), 0.015], [m(2023, 6), 0.003], [m(2025, 6), 0.003], [m(2025, 7), 0.015]],
  visitRate: [[m(2022, 12), 0.04], [m(2025, 6), 0.04], [m(2025, 7), 0.08]],
  instalmentOffer: [[m(2022, 11), 0], [m(2022, 12), 0.02], [m(2025, 6), 0.02], [m(2025, 7), 0.02]],
  resumeRate: [[m(2012, 1), 0.01], [m(2025, 6), 0.01], [m(2025, 7), 0.2]],
  bigAccountStop: [[m(2022, 12), 0], [m(2023, 1), 0.05], [m(2025, 6), 0.05], [m(2025, 7), 0]],
};

export function eraAt(monthIdx: number): Era {
  const era = {} as Era;
  for (const key of Object.keys(ERA_ANCHORS) as (keyof Era)[]) era[key] = interpolate(ERA_ANCHORS[key], monthIdx);
  return era;
}

const BIG_ACCOUNTS = new Set<TariffClass>(['IP', 'N2', 'I1']);

export function stopsPaying(rng: Rng, type: PayerType, tariffClass: TariffClass, era: Era): boolean {
  if (BIG_ACCOUNTS.has(tariffClass) && rng.chance(era.bigAccountStop)) return true;
  return rng.chance(era.stopHazard * STOP_FACTOR[type] * (CLASS_STOP_FACTOR[tariffClass] ?? 1));
}

/**
 * What a customer sets out to pay this month: nothing, everything, the oldest debts, or only the bill
 * that just came. The amounts follow from the ledger at the time of payment.
 */
export type Intent = { kind: 'none' } | { kind: 'all' } | { kind: 'oldest'; count: number } | { kind: 'current' };

const NONE: Intent = { kind: 'none' };
const ALL: Intent = { kind: 'all' };
const CURRENT: Intent = { kind: 'current' };
export const INSTALMENT = { kind: 'oldest', count: 2 } as const;

export function monthlyIntent(
  rng: Rng, type: PayerType, mode: Mode, sealed: boolean, calendarMonth: number, openDebts: number, backlog: number,
): Intent {
  switch (mode) {
    case 'stopped':
      return NONE;
    case 'current':
      return rng.chance(0.92) ? CURRENT : NONE;
    case 'instalments':
      return rng.chance(0.6) ? INSTALMENT : NONE;
    case 'paying':
      // a sealed customer pays up to get the water back, or goes on as before
      return sealed && rng.chance(0.3) ? ALL : regularIntent(rng, type, calendarMonth, openDebts, backlog);
  }
}

/** Coffee farmers are short of cash before the harvest and catch up after it. */
const LEAN_MONTHS = new Set([1, 2, 3, 4]);
const HARVEST_MONTHS = new Set([6, 7, 8]);

/**
 * @param openDebts debts outstanding at the start of the month, the bill just issued included
 * @param backlog the number of bills a late payer habitually carries
 */
function regularIntent(rng: Rng, type: PayerType, calendarMonth: number, openDebts: number, backlog: number): Intent {
  if (openDebts === 0) return NONE;
  switch (type) {
    case 'punctual':
      return rng.chance(0.96) ? ALL : NONE;
    case 'seasonal':
      if (HARVEST_MONTHS.has(calendarMonth)) return ALL;
      return rng.chance(LEAN_MONTHS.has(calendarMonth) ? 0.35 : 0.92) ? ALL : NONE;
    case 'late': {
      const x = rng.next();
      if (x < 0.05) return ALL;
      if (x < 0.9) return openDebts > backlog ? { kind: 'oldest', count: openDebts - backlog } : NONE;
      return NONE;
    }
    case 'chronic': {
      const x = rng.next();
      if (x < 0.04) return ALL;
      if (x < 0.44) return { kind: 'oldest', count: 1 };
      if (x < 0.6) return { kind: 'oldest', count: 2 };
      return NONE;
    }
  }
}

/** Day of the month a regular payment is made: punctual payers mostly before the 20th, when it is due. */
export function regularPaymentDay(rng: Rng, type: PayerType, issuedDay: number, daysInMonth: number): number {
  if (type === 'punctual' && rng.chance(0.88)) return rng.int(issuedDay + 1, 20);
  return rng.int(Math.min(issuedDay + 1, daysInMonth), daysInMonth);
}

/** Denda: 10% of a late bill, at least Rp2,000 and at most Rp50,000, waived during the amnesty of August 2020. */
const AMNESTY_MONTHS = new Set([m(2020, 8)]);

export function penaltyFor(billTotal: number, paidMonthIdx: number): number {
  if (AMNESTY_MONTHS.has(paidMonthIdx)) return 0;
  return Math.min(50_000, Math.max(2_000, Math.round(billTotal / 10 / 100) * 100));
}

/** Monthly water use in m³: a customer's typical use, more in the dry season, and month-to-month noise. */
export function monthlyUsage(rng: Rng, typicalM3: number, calendarMonth: number): number {
  const season = calendarMonth >= 6 && calendarMonth <= 9 ? 1.1 : calendarMonth <= 2 || calendarMonth >= 11 ? 0.95 : 1;
  if (rng.chance(0.02)) return 0; // house empty that month
  return Math.max(0, Math.round(typicalM3 * season * (1 + 0.18 * rng.normal())));
}
