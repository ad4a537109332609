/**
 * Generates the demo utility: the reference files, then customer after customer (register row,
 * opening balance, bills, payments, write-offs, visits), a few payments from nobody we know, the
 * last month's settlement files, and truth.json. Only one customer's state is in memory at a time.
 */
import { periodIndex } from '../domain/period';
import { eraAt } from './behaviour';
import { firstDayOfMonth, lastDayOfMonth, monthOfDay } from './calendar';
import { SERVICE_UNITS, unitShare } from './areas';
import { CHANNELS, COLLECTOR, COUNTER, isLaunched } from './channels';
import { fieldCapacity, TEAMS, VISITS_PER_DAY } from './collection';
import type { PaymentResult } from './ledger';
import { DemoOutput } from './output';
import { planBadRows, planOddities } from './plan';
import { customerCount, makeCustomer, REFERENCE_CUSTOMERS } from './population';
import { hashText, Rng } from './prng';
import { simulateCustomer, type Oddities, type RunWindow } from './simulate';

export { COLUMNS } from './output';

export interface GenerateOptions {
  /** connections in 2022 (the utility's 14,000); the whole trajectory scales with it */
  customers: number;
  /** first month of the digital history, `YYYY-MM` */
  from: string;
  /** last complete month, `YYYY-MM` */
  to: string;
  seed: string;
  out: string;
}

/**
 * Deliberate oddities among the payments (loaded, never rejected, changing no arrears): a few of each,
 * and duplicates (the same bill paid at two channels) in proportion to the utility, about one a week.
 */
const oddities = (scale: number): Readonly<Record<keyof Oddities, number>> => ({
  duplicate: Math.max(4, Math.round(50 * scale)),
  overpayment: 4,
  futurePeriod: 2,
});
const UNKNOWN_CUSTOMER_PAYMENTS = 5;
/** Share of the connections in arrears on a working day, roughly, over the teams' years. */
const DEBTOR_SHARE = 0.3;
/** Routine visits offered for twice what the collectors can make, so their days fill. */
const OVERSUPPLY = 2;
const UNMATCHED: PaymentResult = { outcome: 'unmatched', applications: [], credit: 0 };

export type Truth = ReturnType<DemoOutput['truth']['toJson']>;

/** The customers' routine-visit streams count down from here, clear of the run's own streams. */
const ROUTINE_STREAMS = -16;

/**
 * Chance per working day that a debtor is offered for a routine visit, per unit and month: enough
 * debtors for the unit's collectors' days, from the connections the unit serves.
 */
function routineChances(customers: number): (unitCode: string, monthIdx: number) => number {
  const debtors = new Map(SERVICE_UNITS.map((u) => [u.code, Math.max(1, DEBTOR_SHARE * customers * unitShare(u.code))]));
  const perDay = (VISITS_PER_DAY.min + VISITS_PER_DAY.max) / 2;
  const units = new Map(SERVICE_UNITS.map((u) => [u.code, u]));
  return (unitCode, monthIdx) => Math.min(1, (OVERSUPPLY * fieldCapacity(units.get(unitCode)!, monthIdx) * perDay) / debtors.get(unitCode)!);
}

export async function generate(o: GenerateOptions): Promise<Truth> {
  const fromIdx = periodIndex(o.from);
  const toIdx = periodIndex(o.to);
  if (toIdx < fromIdx) throw new Error(`--to ${o.to} is before --from ${o.from}`);
  const scale = o.customers / REFERENCE_CUSTOMERS;
  const seed = hashText(o.seed);
  const total = customerCount(scale, lastDayOfMonth(toIdx));
  const window: RunWindow = {
    fromIdx,
    toIdx,
    routineChance: routineChances(total),
    eras: Array.from({ length: toIdx - fromIdx + 1 }, (_, i) => eraAt(fromIdx + i)),
  };
  // Streams of their own for the run-wide draws, apart from the customers' streams 1, 2, 3 …
  const runRng = new Rng(seed, 0);
  const out = await DemoOutput.open(o.out, fromIdx, toIdx, new Rng(seed, -2), new Rng(seed, -3));
  await out.writeReferenceFiles(runRng);

  const planned = planOddities(runRng, total, oddities(scale));
  const badRows = planBadRows(runRng, total);

  for (let index = 0; index < total; index++) {
    const rng = new Rng(seed, index + 1);
    const customer = makeCustomer(rng, index, scale);
    const sink = out.sinkFor(customer);
    const result = simulateCustomer(customer, rng, new Rng(seed, ROUTINE_STREAMS - index), window, planned.ask(index), sink);
    planned.produced(result.produced);
    const customerLine = out.customer(customer, result.status);

    badRows.injectDue(
      index,
      {
        customerId: customer.id,
        customerLine,
        billLine: sink.billLine,
        visitLine: sink.visitLine,
        settledBill: result.settledBill,
        collector: TEAMS.find((t) => t.unit === customer.unit)!.collectors[0],
        fromIdx,
        toIdx,
        unknownCustomer: () => out.unknownCustomer(),
        paymentRef: (day) => out.extraRef(COUNTER, day),
        visitId: () => out.extraVisitId(),
      },
      (file, reason, line) => out.badRow(file, reason, line),
    );
    await out.drain();
  }

  // Money from customer numbers nobody has (typos at a partner): loaded, never matched.
  for (let k = 0; k < UNKNOWN_CUSTOMER_PAYMENTS; k++) {
    const day = runRng.int(firstDayOfMonth(fromIdx), lastDayOfMonth(toIdx));
    const channel = runRng.pick(CHANNELS.filter((c) => c !== COLLECTOR && isLaunched(c, day)));
    const month = monthOfDay(day);
    out.payment(
      {
        ref: out.extraRef(channel, day),
        channel,
        period: month > fromIdx ? month - 1 : null,
        day,
        second: runRng.int(8 * 3600, 15 * 3600),
        amount: runRng.int(40, 140) * 1_000,
        penalty: 0,
        adminFee: channel.adminFee,
        result: UNMATCHED,
      },
      out.unknownCustomer(),
    );
  }

  await out.close();
  const truth = out.truth.toJson({ customers: o.customers, from: o.from, to: o.to, seed: o.seed }, scale, planned.counts());
  await out.writeTruth(truth);
  return truth;
}
