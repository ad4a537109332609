/**
 * Where the generated rows go and how they are spelled: the canonical CSV files (streamed), the
 * last month's settlement files of partner channels, and the tally for truth.json. The generator
 * decides what happens; this module only writes it down.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { periodFromIndex, periodIndex } from '../domain/period';
import type { CanonicalPayment } from '../adapters/types';
import { DESA, kecamatanOf } from './areas';
import { STATIC_BAD_ROWS, type StaticFile, type StreamedFile } from './bad-rows';
import { firstDayOfMonth, isoDate, isoDateTime, monthOfDay, yymmdd } from './calendar';
import { CHANNELS, type Channel } from './channels';
import { COLLECTORS } from './collection';
import { CsvWriter, csvLine } from './csv-writer';
import { customerId, type Customer } from './population';
import type { Rng } from './prng';
import { inSettlementFile, SettlementFiles } from './settlements';
import type { CustomerSink, PaymentEvent } from './simulate';
import { TruthLedger } from './truth';
import { VisitRoster } from './visit-roster';

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

/** Customer numbers from here on belong to nobody (real ones stay far below). */
const UNKNOWN_SERIAL = 99_900_000;
/** Serial part of the payment references of rows that are not a customer's own payments. */
const EXTRA_REF_SERIAL = 99_000_000;

/** A customer's sink, remembering the last bill and visit line written (bad rows may copy them). */
export interface RecordingSink extends CustomerSink {
  billLine: string | null;
  visitLine: string | null;
}

export class DemoOutput {
  readonly truth: TruthLedger;
  private readonly writers: Record<StreamedFile, CsvWriter>;
  private readonly settlements: SettlementFiles;
  private readonly roster: VisitRoster;
  private readonly nativeChannels = CHANNELS.filter((c) => c.native);
  private extraRefs = 0;
  private unknownCustomers = 0;
  private extraVisits = 0;

  private constructor(
    private readonly out: string,
    private readonly toIdx: number,
    fromIdx: number,
    settlementRng: Rng,
    rosterRng: Rng,
  ) {
    this.roster = new VisitRoster(rosterRng);
    this.truth = new TruthLedger(fromIdx, toIdx, CHANNELS.map((c) => c.code));
    const open = (file: StreamedFile) => new CsvWriter(join(out, file), COLUMNS[file]);
    this.writers = {
      'customers.csv': open('customers.csv'),
      'bills.csv': open('bills.csv'),
      'payments.csv': open('payments.csv'),
      'opening_balances.csv': open('opening_balances.csv'),
      'write_offs.csv': open('write_offs.csv'),
      'visits.csv': open('visits.csv'),
    };
    this.settlements = new SettlementFiles(out, toIdx, settlementRng, (channel, paidAt) =>
      this.extraRef(channel, dayOfIso(paidAt)),
    );
  }

  static async open(out: string, fromIdx: number, toIdx: number, settlementRng: Rng, rosterRng: Rng): Promise<DemoOutput> {
    await mkdir(out, { recursive: true });
    // settlement files of an earlier run (another --to) would otherwise be loaded with this one
    await rm(join(out, 'settlements'), { recursive: true, force: true });
    await mkdir(join(out, 'settlements'), { recursive: true });
    return new DemoOutput(out, toIdx, fromIdx, settlementRng, rosterRng);
  }

  /** Areas, channels and teams: small, written at once, with their bad rows in the middle. */
  async writeReferenceFiles(rng: Rng): Promise<void> {
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
        if (e.reason !== undefined) this.truth.bad({ file, line: i + 2, reason: e.reason });
      });
      await writeFile(join(this.out, file), [COLUMNS[file].join(','), ...entries.map((e) => e.text), ''].join('\n'), 'utf8');
    }
  }

  sinkFor(customer: Customer): RecordingSink {
    const w = this.writers;
    const truth = this.truth;
    const roster = this.roster;
    const id = customer.id;
    const sink: RecordingSink = {
      billLine: null,
      visitLine: null,
      openingBalance(asOfDay, amount, oldestPeriod) {
        w['opening_balances.csv'].row([id, isoDate(asOfDay), amount, periodFromIndex(oldestPeriod)]);
        truth.openingBalance(amount);
      },
      bill(e) {
        const c = e.charges;
        // identifiers, dates and digits hold no comma or quote: no CSV quoting needed
        sink.billLine = `${id},${periodFromIndex(e.period)},${isoDate(e.issuedDay)},${isoDate(e.dueDay)},${e.usageM3},${c.water},${c.fixed},${c.other},${c.total}`;
        w['bills.csv'].line(sink.billLine);
        truth.bill(c.total);
      },
      payment: (e) => this.payment(e, id),
      writeOff(e) {
        w['write_offs.csv'].row([id, e.period === null ? '' : periodFromIndex(e.period), isoDate(e.day), e.amount, e.reason]);
        truth.writeOff(e.amount);
      },
      visit(e) {
        sink.visitLine = csvLine([
          e.visitId, e.collector.teamId, e.collector.collectorId, id, isoDateTime(e.day, e.second), e.outcome,
          e.amountCollected, e.promiseDay === null ? '' : isoDate(e.promiseDay),
        ]);
        w['visits.csv'].line(sink.visitLine);
        truth.visit(e.amountCollected);
        roster.fixed(e.team, e.collector, e.day);
      },
      routineVisit: (team, day, make) => roster.offer(team, day, make),
      monthEnd: (monthIdx, arrears) => truth.monthEnd(monthIdx, arrears),
    };
    return sink;
  }

  /** The register row, written once the customer's final status is known; returns the line. */
  customer(c: Customer, status: string): string {
    const line = csvLine([c.id, c.name, c.address, c.desa.code, c.tariffClass, status, isoDate(c.connectedDay), c.latitude.toFixed(6), c.longitude.toFixed(6), c.phone]);
    this.writers['customers.csv'].line(line);
    this.truth.customer(status);
    return line;
  }

  /** Every valid payment: into the channel's settlement file (settlements.ts says which months), else payments.csv. */
  payment(e: PaymentEvent, customer: string): void {
    const month = monthOfDay(e.day);
    this.truth.payment(month, e.channel.code, e.amount, e.result);
    if (inSettlementFile(e.channel, month, this.toIdx)) {
      this.settlements.add(e.channel, month, canonical(e, customer));
      return;
    }
    const period = e.period === null ? '' : periodFromIndex(e.period);
    this.writers['payments.csv'].line(
      `${e.ref},${e.channel.code},${customer},${period},${isoDateTime(e.day, e.second)},${e.amount},${e.penalty},${e.adminFee}`,
    );
  }

  badRow(file: StreamedFile, reason: string, line: string): void {
    this.truth.bad({ file, line: this.writers[file].line(line), reason });
  }

  /** A payment reference no customer's own payment uses. */
  extraRef(channel: Channel, day: number): string {
    return `${channel.refPrefix}${yymmdd(day)}${String(EXTRA_REF_SERIAL + ++this.extraRefs).padStart(8, '0')}0001`;
  }

  unknownCustomer(): string {
    return customerId('01', UNKNOWN_SERIAL + ++this.unknownCustomers);
  }

  extraVisitId(): string {
    return `V${UNKNOWN_SERIAL + ++this.extraVisits}`;
  }

  /** Lets the streams catch up; called between customers so memory stays flat. */
  async drain(): Promise<void> {
    for (const w of Object.values(this.writers)) await w.drain();
    await this.settlements.flushFull();
  }

  async close(): Promise<void> {
    const visits = this.writers['visits.csv'];
    let written = 0;
    for (const { collector, visit: v } of this.roster.staffed()) {
      visits.line(`${v.visitId},${collector.teamId},${collector.collectorId},${v.customerId},${isoDateTime(v.day, v.second)},${v.outcome},0,${v.promiseDay === null ? '' : isoDate(v.promiseDay)}`);
      this.truth.visit(0);
      if (++written % 5_000 === 0) await visits.drain();
    }
    for (const w of Object.values(this.writers)) await w.close();
    await this.settlements.close(this.nativeChannels);
    for (const f of this.settlements.refused) this.truth.refusedFile(f);
    for (const f of this.settlements.written) {
      this.truth.notCompletedOrders(f.notCompleted);
      for (const b of f.bad) this.truth.bad({ file: f.file, payment_ref: b.payment_ref, reason: b.reason });
    }
  }

  async writeTruth(json: unknown): Promise<void> {
    await writeFile(join(this.out, 'truth.json'), JSON.stringify(json, null, 2) + '\n', 'utf8');
  }
}

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

function dayOfIso(iso: string): number {
  return firstDayOfMonth(periodIndex(iso.slice(0, 7))) + Number(iso.slice(8, 10)) - 1;
}
