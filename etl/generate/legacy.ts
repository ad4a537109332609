/**
 * Where a customer stands when the digital history starts (--from): debts from before it become one
 * opening balance. The shares are calibrated so that the stock at --from matches the utility's arrears
 * trajectory at that date, whichever --from is chosen; with the default 2012-01 almost all of it is
 * paper-era debt on long-cut connections, going back to 1982.
 */
import type { Mode } from './behaviour';
import { monthOfDay } from './calendar';
import { interpolate } from './curve';
import type { Customer } from './population';
import type { Rng } from './prng';
import { billCharges, tariffFor } from './tariffs';

export interface Standing {
  status: 'active' | 'sealed' | 'disconnected' | 'closed';
  mode: Mode;
  /** month index the connection was sealed, when sealed */
  sealedSince: number;
  opening: { amount: number; oldestPeriod: number } | null;
}

const y = (year: number, month = 1) => year * 12 + month - 1;

/** Share of customers connected before --from that were cut off owing money. */
const CUT_OFF_DEBTORS: readonly (readonly [number, number])[] = [[y(2012), 0.08], [y(2020), 0.08], [y(2023), 0.09], [y(2025), 0.15], [y(2026), 0.16]];
/** Share still connected (sealed) but no longer paying. */
const NON_PAYERS: readonly (readonly [number, number])[] = [[y(2012), 0.02], [y(2020), 0.025], [y(2023), 0.06], [y(2024, 6), 0.1], [y(2025, 6), 0.14], [y(2026), 0.1]];
/** Median debt of a cut-off debtor, in months of bills. */
const CUT_OFF_MONTHS: readonly (readonly [number, number])[] = [[y(2012), 50], [y(2026), 40]];
const CLOSED_SHARE = 0.03;
const SEALING_PAUSED = { from: y(2023, 6), to: y(2025, 6) };
const FIRST_PERIOD = y(1982);

export function standingAtStart(rng: Rng, customer: Customer, fromIdx: number): Standing {
  const connectedMonth = monthOfDay(customer.connectedDay);
  const monthlyBill = billCharges(tariffFor(customer.tariffClass, fromIdx - 1), customer.typicalM3, false).total;
  const owing = (months: number) => ({
    amount: Math.max(1_000, Math.round(months * monthlyBill)),
    oldestPeriod: Math.max(FIRST_PERIOD, connectedMonth, fromIdx - Math.max(1, Math.ceil(months))),
  });
  const x = rng.next();
  const cutOff = interpolate(CUT_OFF_DEBTORS, fromIdx);
  if (x < cutOff) {
    const months = Math.min(fromIdx - connectedMonth + 1, rng.logNormal(interpolate(CUT_OFF_MONTHS, fromIdx), 0.8));
    // they stopped paying some years before --from, so the debt's oldest month lies further back
    const cutYearsAgo = rng.int(0, Math.max(0, Math.floor((fromIdx - connectedMonth - months) / 12)));
    const debt = owing(months);
    return {
      status: 'disconnected',
      mode: 'stopped',
      sealedSince: fromIdx,
      opening: { ...debt, oldestPeriod: Math.max(FIRST_PERIOD, connectedMonth, debt.oldestPeriod - 12 * cutYearsAgo) },
    };
  }
  if (x < cutOff + interpolate(NON_PAYERS, fromIdx)) {
    // while sealing had all but stopped (mid 2023 to mid 2025) non-payers kept their water
    const status = fromIdx >= SEALING_PAUSED.from && fromIdx <= SEALING_PAUSED.to ? 'active' : 'sealed';
    return { status, mode: 'stopped', sealedSince: fromIdx - rng.int(0, 6), opening: owing(rng.int(3, 24)) };
  }
  if (x < cutOff + interpolate(NON_PAYERS, fromIdx) + CLOSED_SHARE) {
    return { status: 'closed', mode: 'paying', sealedSince: fromIdx, opening: null };
  }
  const behind =
    customer.payer === 'late' ? customer.backlog : customer.payer === 'chronic' ? rng.int(1, 6) : customer.payer === 'seasonal' ? rng.int(0, 1) : 0;
  return { status: 'active', mode: 'paying', sealedSince: fromIdx, opening: behind > 0 ? owing(behind) : null };
}
