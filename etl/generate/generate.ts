/**
 * Writes the demo utility: the reference files, then customer after customer their register row,
 * opening balance, bills, payments, write-offs and visits (streamed), the last month's settlement files
 * of the partner channels, and truth.json with what the warehouse must find. Only one customer's state
 * is in memory at a time.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { periodFromIndex, periodIndex } from '../../app/domain/period';
import type { CanonicalPayment } from '../adapters/types';
import { DESA, kecamatanOf } from './areas';
import { STATIC_BAD_ROWS, type BadRowContext, type StaticFile, type StreamedFile } from './bad-rows';
import { eraAt } from './behaviour';
import { civil, firstDayOfMonth, isoDate, isoDateTime, lastDayOfMonth, monthOfDay } from './calendar';
import { CHANNELS, COUNTER, isLaunched, type Channel } from './channels';
import { collectorFor, COLLECTORS } from './collection';
import { CsvWriter, csvLine } from './csv-writer';
import type { PaymentResult } from './ledger';
import { customerCount, customerId, makeCustomer, REFERENCE_CUSTOMERS, type Customer } from './population';
import { planBadRows, planOddities } from './plan';
import { hashText, Rng } from './prng';
import { SettlementFiles } from './settlements';
import { simulateCustomer, type CustomerSink, type Oddities, type PaymentEvent, type RunWindow } from './simulate';
import { TruthLedger } from './truth';

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

export const COLUMNS = {
  'areas.csv': ['desa_code', 'desa_name', 'desa_type', 'kecamatan_code', 'kecamatan_name', 'latitude', 'longitude'],
  'customers.csv': ['customer_id', 'name', 'address', 'desa_code', 'tariff_class', 'status', 'connected_on', 'latitude', 'longitude', 'phone'],
  'channels.csv': ['channel_code', 'channel_name', 'online', 'category', 'fee_per_txn', 'launched_on'],
  'bills.csv': ['customer_id', 'period', 'issued_on', 'due_on', 'usage_m3', 'water_charge', 'fixed_charge', 'other_charge', 'total_amount'],
  'payments.csv': ['payment_ref', 'channel_code', 'customer_id', 'period', 'paid_at', 'amount', 'penalty', 'admin_fee'],
  'opening_balances.csv': ['customer_id', 'as_of', 'amount', 'oldest_period'],
  'write_offs.csv': ['customer_id', 'period', 'written_off_on', 'amount', 'reason'],
  'teams.csv': ['team_id', 'team_name', 'collector_id', 'collector_name', 'base_latitude', 'base_longitude'],
  'visits.csv': ['visit_id', 'team_id', 'collector_id', 'customer_id', 'visited_at', 'outcome', 'amount_collected', 'promise_date'],
} as const;

/** Deliberate oddities among the payments (loaded, never rejected, changing no arrears). */
const ODDITIES: Readonly<Record<keyof Oddities, number>> = { duplicate: 4, overpayment: 4, futurePeriod: 2 };
const UNKNOWN_CUSTOMER_PAYMENTS = 5;
/** Collector visits are on record for the last twelve months. */
const VISIT_MONTHS = 12;
/** Customer numbers from here on belong to nobody (real ones stay far below). */
const UNKNOWN_SERIAL = 99_900_000;
const EXTRA_REF_SERIAL = 99_000_000;

export type Truth = ReturnType<typeof truthJson>;

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
    visitsFromIdx: Math.max(fromIdx, toIdx - VISIT_MONTHS + 1),
    eras: Array.from({ length: toIdx - fromIdx + 1 }, (_, i) => eraAt(fromIdx + i)),
  };
  const truth = new TruthLedger(fromIdx, toIdx, CHANNELS.map((c) => c.code));
  const runRng = new Rng(seed, 0);

  await mkdir(o.out, { recursive: true });
  // settlement files of an earlier run (another --to) would otherwise be loaded with this one
  await rm(join(o.out, 'settlements'), { recursive: true, force: true });
  await mkdir(join(o.out, 'settlements'), { recursive: true });

  await writeStatic(o.out, truth, runRng);

  const w = {
    customers: new CsvWriter(join(o.out, 'customers.csv'), COLUMNS['customers.csv']),
    bills: new CsvWriter(join(o.out, 'bills.csv'), COLUMNS['bills.csv']),
    payments: new CsvWriter(join(o.out, 'payments.csv'), COLUMNS['payments.csv']),
    openingBalances: new CsvWriter(join(o.out, 'opening_balances.csv'), COLUMNS['opening_balances.csv']),
    writeOffs: new CsvWriter(join(o.out, 'write_offs.csv'), COLUMNS['write_offs.csv']),
    visits: new CsvWriter(join(o.out, 'visits.csv'), COLUMNS['visits.csv']),
  };
  const writerOf: Record<StreamedFile, CsvWriter> = {
    'customers.csv': w.customers,
    'bills.csv': w.bills,
    'payments.csv': w.payments,
    'opening_balances.csv': w.openingBalances,
    'write_offs.csv': w.writeOffs,
    'visits.csv': w.visits,
  };

  let extraRefs = 0;
  const extraRef = (channel: Channel, day: number) =>
    `${channel.refPrefix}${yymmdd(day)}${String(EXTRA_REF_SERIAL + ++extraRefs).padStart(8, '0')}0001`;
  const nativeChannels = CHANNELS.filter((c) => c.native);
  const settlements = new SettlementFiles(o.out, o.to, new Rng(seed, -2), (channel, paidAt) =>
    extraRef(channel, dayOfIso(paidAt)),
  );

  /** Every valid payment goes through here: into a settlement file if its channel sends one for --to. */
  const routePayment = (e: PaymentEvent, customer: string) => {
    const month = monthOfDay(e.day);
    truth.payment(month, e.channel.code, e.amount, e.result);
    if (e.channel.native && month === toIdx) {
      settlements.add(e.channel, canonical(e, customer));
    } else {
      // identifiers, codes, dates and digits hold no comma or quote: no CSV quoting needed
      const period = e.period === null ? '' : periodFromIndex(e.period);
      w.payments.line(`${e.ref},${e.channel.code},${customer},${period},${isoDateTime(e.day, e.second)},${e.amount},${e.penalty},${e.adminFee}`);
    }
  };

  let unknownCustomers = 0;
  const unknownCustomer = () => customerId('01', UNKNOWN_SERIAL + ++unknownCustomers);
  let badVisits = 0;

  const oddities = planOddities(runRng, total, ODDITIES);
  const badPlan = planBadRows(runRng, total);

  for (let index = 0; index < total; index++) {
    const rng = new Rng(seed, index + 1);
    const customer = makeCustomer(rng, index, scale);
    let billLine: string | null = null;
    let visitLine: string | null = null;
    const sink: CustomerSink = {
      openingBalance(asOfDay, amount, oldestPeriod) {
        w.openingBalances.row([customer.id, isoDate(asOfDay), amount, periodFromIndex(oldestPeriod)]);
        tallyInto(truth.openingBalances, amount);
      },
      bill(e) {
        const c = e.charges;
        billLine = `${customer.id},${periodFromIndex(e.period)},${isoDate(e.issuedDay)},${isoDate(e.dueDay)},${e.usageM3},${c.water},${c.fixed},${c.other},${c.total}`;
        w.bills.line(billLine);
        tallyInto(truth.bills, c.total);
      },
      payment(e) {
        routePayment(e, customer.id);
      },
      writeOff(e) {
        w.writeOffs.row([customer.id, e.period === null ? '' : periodFromIndex(e.period), isoDate(e.day), e.amount, e.reason]);
        tallyInto(truth.writeOffs, e.amount);
      },
      visit(e) {
        visitLine = csvLine([
          e.visitId, e.collector.teamId, e.collector.collectorId, customer.id, isoDateTime(e.day, e.second), e.outcome,
          e.amountCollected, e.promiseDay === null ? '' : isoDate(e.promiseDay),
        ]);
        w.visits.line(visitLine);
        tallyInto(truth.visits, e.amountCollected);
      },
      monthEnd(monthIdx, arrears) {
        truth.monthEnd(monthIdx, arrears);
      },
    };

    const asked = oddities.ask(index);
    const result = simulateCustomer(customer, rng, window, asked, sink);
    oddities.produced(result.produced);

    const customerLine = csvLine(customerRow(customer, result.status));
    w.customers.line(customerLine);
    truth.customersByStatus[result.status] = (truth.customersByStatus[result.status] ?? 0) + 1;

    const ctx: BadRowContext = {
      customerId: customer.id,
      customerLine,
      billLine,
      visitLine,
      settledBill: result.settledBill,
      collector: collectorFor(rng, customer.unit),
      fromIdx,
      toIdx,
      unknownCustomer,
      paymentRef: (day) => extraRef(COUNTER, day),
      visitId: () => `V${UNKNOWN_SERIAL + ++badVisits}`,
    };
    badPlan.injectDue(index, ctx, (file, reason, line) => truth.bad({ file, line: writerOf[file].line(line), reason }));

    await Promise.all(Object.values(w).map((x) => x.drain()));
    await settlements.flushFull(nativeChannels);
  }

  for (let k = 0; k < UNKNOWN_CUSTOMER_PAYMENTS; k++) {
    const day = runRng.int(firstDayOfMonth(fromIdx), lastDayOfMonth(toIdx));
    const channel = runRng.pick(CHANNELS.filter((c) => c !== COLLECTORS_CHANNEL && isLaunched(c, day)));
    const month = monthOfDay(day);
    const amount = runRng.int(40, 140) * 1_000;
    const payment: PaymentEvent = {
      ref: extraRef(channel, day),
      channel,
      period: month > fromIdx ? month - 1 : null,
      day,
      second: runRng.int(8 * 3600, 15 * 3600),
      amount,
      penalty: 0,
      adminFee: channel.adminFee,
      result: UNMATCHED,
    };
    routePayment(payment, unknownCustomer());
  }

  await Promise.all(Object.values(w).map((x) => x.close()));
  await settlements.close(nativeChannels);
  for (const f of settlements.written) {
    truth.notCompleted += f.notCompleted;
    for (const b of f.bad) truth.bad({ file: f.file, payment_ref: b.payment_ref, reason: b.reason });
  }

  const json = truthJson(o, scale, total, truth, oddities.counts());
  await writeFile(join(o.out, 'truth.json'), JSON.stringify(json, null, 2) + '\n', 'utf8');
  return json;
}

const COLLECTORS_CHANNEL = CHANNELS.find((c) => c.category === 'collector');
const UNMATCHED: PaymentResult = { outcome: 'unmatched', applications: [], credit: 0 };

function canonical(e: PaymentEvent, customer: string): CanonicalPayment {
  return {
    payment_ref: e.ref,
    channel_code: e.channel.code,
    customer_id: customer,
    period: e.period === null ? '' : periodFromIndex(e.period),
    paid_at: isoDateTime(e.day, e.second),
    amount: String(e.amount),
    penalty: String(e.penalty),
    admin_fee: String(e.adminFee),
    status: 'completed',
  };
}

function customerRow(c: Customer, status: string): (string | number)[] {
  return [c.id, c.name, c.address, c.desa.code, c.tariffClass, status, isoDate(c.connectedDay), c.latitude.toFixed(6), c.longitude.toFixed(6), c.phone];
}

function tallyInto(t: { count: number; amount: number }, amount: number): void {
  t.count++;
  t.amount += amount;
}

function yymmdd(day: number): string {
  const [y, m, d] = civil(day);
  return String(y % 100).padStart(2, '0') + String(m).padStart(2, '0') + String(d).padStart(2, '0');
}

function dayOfIso(iso: string): number {
  return firstDayOfMonth(periodIndex(iso.slice(0, 7))) + Number(iso.slice(8, 10)) - 1;
}

/** Reference files: small, written at once, with their bad rows in the middle. */
async function writeStatic(out: string, truth: TruthLedger, rng: Rng): Promise<void> {
  const rows: Record<StaticFile, string[]> = {
    'areas.csv': DESA.map((d) => {
      const k = kecamatanOf(d);
      return csvLine([d.code, d.name, d.type, k.code, k.name, d.latitude.toFixed(6), d.longitude.toFixed(6)]);
    }),
    'channels.csv': CHANNELS.map((c) => csvLine([c.code, c.name, String(c.online), c.category, c.feePerTxn, c.launchedOn])),
    'teams.csv': COLLECTORS.map((c) =>
      csvLine([c.teamId, c.teamName, c.collectorId, c.collectorName, c.unit.latitude.toFixed(6), c.unit.longitude.toFixed(6)]),
    ),
  };
  for (const file of Object.keys(rows) as StaticFile[]) {
    const valid = rows[file];
    const entries: { text: string; reason?: string }[] = valid.map((text) => ({ text }));
    for (const bad of STATIC_BAD_ROWS[file]) {
      const copy = valid[rng.int(0, valid.length - 1)];
      // after the line it may copy, so that a duplicate key is the second occurrence
      const after = entries.findIndex((e) => e.text === copy && e.reason === undefined);
      entries.splice(rng.int(after + 1, entries.length), 0, { text: bad.line(copy), reason: bad.reason });
    }
    entries.forEach((e, i) => {
      if (e.reason !== undefined) truth.bad({ file, line: i + 2, reason: e.reason });
    });
    await writeFile(join(out, file), [COLUMNS[file].join(','), ...entries.map((e) => e.text), ''].join('\n'), 'utf8');
  }
}

function truthJson(o: GenerateOptions, scale: number, customers: number, t: TruthLedger, oddities: Record<keyof Oddities, number>) {
  return {
    params: { customers: o.customers, from: o.from, to: o.to, seed: o.seed },
    customers: { total: customers, by_status: t.customersByStatus },
    bills: { count: t.bills.count, total_amount: t.bills.amount },
    opening_balances: { count: t.openingBalances.count, amount: t.openingBalances.amount },
    write_offs: { count: t.writeOffs.count, amount: t.writeOffs.amount },
    visits: { count: t.visits.count, amount_collected: t.visits.amount },
    payments: {
      count: t.payments.count,
      amount: t.payments.amount,
      credit_amount: t.credit,
      duplicate_payments: t.duplicates.count,
      duplicate_amount: t.duplicates.amount,
      overpayments: oddities.overpayment,
      future_period_payments: oddities.futurePeriod,
    },
    unmatched_payments: t.unmatched.count,
    unmatched_amount: t.unmatched.amount,
    marketplace_not_completed: t.notCompleted,
    expected_rejects: Object.fromEntries([...t.rejects.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    bad_rows: t.badRows,
    calibration: t.calibration(scale),
    arrears_by_month_end: t.arrearsByMonthEnd(),
    payments_by_channel_month: t.paymentsByChannelMonth(),
  };
}
