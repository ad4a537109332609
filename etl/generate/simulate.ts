/**
 * One customer's life, month by month from --from to --to: bills, payments, seals and cuts, collector
 * visits, write-offs, and the customer's arrears at each month end from the generator's own ledger.
 * Events of a month are executed in time order against the ledger, so every amount a payment carries
 * is decided from what is outstanding at that moment and its allocation is known exactly.
 */
import { type Era, INSTALMENT, type Mode, monthlyIntent, monthlyUsage, penaltyFor, regularPaymentDay, stopsPaying } from './behaviour';
import { MARKETPLACE_LAUNCH, paysOnlineIn, switchesToLaunchedMarketplace } from './adoption';
import { calendarMonth, firstDayOfMonth, lastDayOfMonth, monthOfDay, weekday, workingDaysOf, yymmdd } from './calendar';
import {
  COLLECTION_TEAM_FROM,
  COLLECTOR,
  COUNTER,
  isLaunched,
  ONLINE_MAX_OVERDUE_DAYS,
  pickOnlineChannel,
  type Channel,
} from './channels';
import { collectorOf, experience, routineVisit, teamFor, visitOutcome, type Collector, type Debtor, type Outcome, type Team } from './collection';
import { standingAtStart, type Standing } from './legacy';
import { DebtLedger, type Debt, type PaymentResult } from './ledger';
import type { Customer } from './population';
import { hashText, type Rng } from './prng';
import type { RoutineVisitRow } from './visit-roster';
import { billCharges, tariffFor, type BillCharges } from './tariffs';

export interface RunWindow {
  fromIdx: number;
  toIdx: number;
  /** chance that a debtor of the unit is offered for a routine visit on a working day of the month */
  routineChance(unitCode: string, monthIdx: number): number;
  /** behaviour parameters per month, index = month − fromIdx */
  eras: readonly Era[];
}

export interface BillEvent {
  period: number;
  issuedDay: number;
  dueDay: number;
  usageM3: number;
  charges: BillCharges;
}

export interface PaymentEvent {
  ref: string;
  channel: Channel;
  period: number | null;
  day: number;
  second: number;
  amount: number;
  penalty: number;
  adminFee: number;
  result: PaymentResult;
}

export interface WriteOffEvent {
  period: number | null;
  day: number;
  amount: number;
  reason: string;
}

export interface VisitEvent {
  visitId: string;
  team: Team;
  collector: Collector;
  day: number;
  second: number;
  outcome: Outcome;
  amountCollected: number;
  promiseDay: number | null;
}

/** Receives a customer's rows as they happen, and the arrears at each month end. */
export interface CustomerSink {
  openingBalance(asOfDay: number, amount: number, oldestPeriod: number): void;
  bill(e: BillEvent): void;
  payment(e: PaymentEvent): void;
  writeOff(e: WriteOffEvent): void;
  visit(e: VisitEvent): void;
  /** a routine visit offered to the team's day; `make` runs only if the day takes it */
  routineVisit(team: Team, day: number, make: () => RoutineVisitRow): void;
  monthEnd(monthIdx: number, arrears: number): void;
}

/** Deliberate oddities the run asks a customer for; they change no arrears. */
export interface Oddities {
  /** the same bill paid twice */
  duplicate: boolean;
  /** more paid than was owed: customer credit */
  overpayment: boolean;
  /** a bill paid before it exists: unmatched */
  futurePeriod: boolean;
}

export interface CustomerResult {
  status: Standing['status'];
  produced: Oddities;
  /** a bill paid in full by a payment, and that day: material for a write-off the warehouse must refuse */
  settledBill: { period: number; day: number; total: number } | null;
}

const DAY = 86_400;
const COUNTER_HOURS: [number, number] = [8 * 3600, 15 * 3600 - 1];
const ONLINE_HOURS: [number, number] = [6 * 3600, 23 * 3600 - 1];
const FIELD_HOURS: [number, number] = [9 * 3600, 16 * 3600 - 1];
/** Days from a visit's cash to its deposit at the office, and how often each. */
const DEPOSIT_DELAY_WEIGHTS = [0.55, 0.35, 0.1];
/** Share of deposits that differ from what the visit recorded. */
const DEPOSIT_DIFFERS = 0.04;
/** A debtor is not visited again within this many days. */
const REVISIT_GAP_DAYS = 7;
const END_OF_DAY = DAY - 1;

const OPENING_WRITE_OFF_REASONS = [
  'pelanggan meninggal dunia, tidak ada ahli waris',
  'alamat tidak diketahui, piutang kedaluwarsa',
  'bangunan dibongkar untuk pelebaran jalan',
];
const CORRECTION_REASONS = ['koreksi tagihan: meter rusak', 'koreksi tagihan: salah baca meter'];

/** All payable debts, the oldest n, or only the newest bill. */
type Selection = 'all' | number | 'newest';
type Via = 'customer' | 'counter' | 'collector';

interface Action {
  stamp: number;
  run: () => void;
}

interface PendingBill {
  period: number;
  usageM3: number;
  sealedThisMonth: boolean;
}

/** A routine visit the customer got, told at the end when the payments after it are known. */
interface RoutineCandidate {
  team: Team;
  day: number;
  second: number;
  debtor: Debtor;
  gone: boolean;
  /** paid the collector at the door what it was going to pay at the counter that day */
  cash: number;
  /** time of that payment, which the visit precedes */
  cashSecond: number;
  clearedArrears: boolean;
}

/**
 * `rng` decides the customer's story; `routine` only the routine visits, which change nothing in it,
 * so a run with more or fewer of them has the same bills, payments and arrears.
 */
export function simulateCustomer(customer: Customer, rng: Rng, routine: Rng, window: RunWindow, asked: Oddities, sink: CustomerSink): CustomerResult {
  return new CustomerLife(customer, rng, routine, window, asked, sink).run();
}

class CustomerLife {
  private readonly ledger = new DebtLedger();
  private status: Standing['status'] = 'active';
  private mode: Mode = 'paying';
  /** moved away, whereabouts unknown: no more payments */
  private gone = false;
  private sealedSince = 0;
  private preferred: Channel | undefined;
  private lastStamp = -1;
  private refCounter = 0;
  private visitCounter = 0;
  /** effects planned for a later month */
  private pending: Action[] = [];
  /** this month's actions in time order */
  private queue: Action[] = [];
  /** time of the action being executed, seconds since 1970-01-01 Jakarta */
  private current = 0;
  private month = 0;
  private billable = false;
  private sealedThisMonth = false;
  private activeUntilDay = Infinity;
  private produced: Oddities = { duplicate: false, overpayment: false, futurePeriod: false };
  private settledBill: CustomerResult['settledBill'] = null;
  private lastBillTotal = 0;
  private lastVisitDay = -Infinity;
  /** days of the customer's payments, in order */
  private readonly paymentDays: number[] = [];
  private readonly routines: RoutineCandidate[] = [];

  constructor(
    private readonly c: Customer,
    private readonly rng: Rng,
    private readonly routine: Rng,
    private readonly w: RunWindow,
    private readonly asked: Oddities,
    private readonly sink: CustomerSink,
  ) {}

  run(): CustomerResult {
    const connectedMonth = monthOfDay(this.c.connectedDay);
    const startMonth = Math.max(this.w.fromIdx, connectedMonth);
    if (connectedMonth < this.w.fromIdx) this.startFrom(standingAtStart(this.rng, this.c, this.w.fromIdx));

    let bill: PendingBill | null = null;
    for (let m = startMonth; m <= this.w.toIdx; m++) {
      this.month = m;
      const first = firstDayOfMonth(m);
      const last = lastDayOfMonth(m);
      if (bill) this.issue(bill, first);
      const sealedAllMonth = this.status === 'sealed';
      this.billable = this.isBillable();
      this.sealedThisMonth = false;
      this.activeUntilDay = Infinity;

      this.plan(m, first, last);
      this.execute();
      if ((this.mode === 'paying' || this.mode === 'current') && !this.gone && this.isBillable() && stopsPaying(this.rng, this.c.payer, this.c.tariffClass, this.era())) this.mode = 'stopped';
      this.sink.monthEnd(m, this.ledger.arrearsAsOf(last));

      bill = this.billable ? this.nextBill(m, first, last, sealedAllMonth) : null;
    }
    // The last period's bill is issued after --to: it is in the files but no month end of the run sees it due.
    if (bill) this.issue(bill, firstDayOfMonth(this.w.toIdx + 1));
    this.tellRoutineVisits();
    return { status: this.status, produced: this.produced, settledBill: this.settledBill };
  }

  private startFrom(s: Standing): void {
    this.status = s.status;
    this.mode = s.mode;
    this.sealedSince = s.sealedSince;
    if (s.opening) {
      const asOf = firstDayOfMonth(this.w.fromIdx);
      this.ledger.setOpeningBalance(asOf, s.opening.amount);
      this.sink.openingBalance(asOf, s.opening.amount, s.opening.oldestPeriod);
    }
  }

  private era(): Era {
    return this.w.eras[this.month - this.w.fromIdx];
  }

  private isBillable(): boolean {
    return this.status === 'active' || this.status === 'sealed';
  }

  private issue(b: PendingBill, firstDayOfNextMonth: number): void {
    const issuedDay = firstDayOfNextMonth + this.rng.int(0, 4);
    const dueDay = firstDayOfNextMonth + 19;
    const charges = billCharges(tariffFor(this.c.tariffClass, b.period), b.usageM3, b.sealedThisMonth);
    this.ledger.addBill(b.period, issuedDay, dueDay, charges.total);
    this.lastBillTotal = charges.total;
    this.sink.bill({ period: b.period, issuedDay, dueDay, usageM3: b.usageM3, charges });
  }

  private nextBill(m: number, first: number, last: number, sealedAllMonth: boolean): PendingBill {
    const days = last - first + 1;
    const from = Math.max(first, this.c.connectedDay);
    const until = Math.min(last, this.activeUntilDay);
    const share = sealedAllMonth ? 0 : Math.max(0, until - from + 1) / days;
    const usageM3 = Math.round(monthlyUsage(this.rng, this.c.typicalM3, calendarMonth(m)) * share);
    return { period: m, usageM3, sealedThisMonth: this.sealedThisMonth };
  }

  // ---- planning -------------------------------------------------------------------------------------

  private plan(m: number, first: number, last: number): void {
    this.queue = this.pending.filter((a) => a.stamp < (last + 1) * DAY);
    this.pending = this.pending.filter((a) => a.stamp >= (last + 1) * DAY);
    if (this.status === 'closed' || this.c.connectedDay > last) return;
    const era = this.era();
    const overdue = this.ledger.overdueBills(first);
    const owesOpening = (this.ledger.openingBalance()?.outstanding ?? 0) > 0;
    this.planWriteOff(first, last, overdue, owesOpening);
    if (this.gone) return;

    if (this.mode === 'stopped' || this.status === 'disconnected') {
      const settle = this.isBillable() ? era.settleConnected : era.settleDisconnected;
      if (this.rng.chance(settle)) {
        this.at(this.workday(first, last), COUNTER_HOURS, () => this.settleEverything('counter'));
      } else if (this.status === 'sealed' && this.rng.chance(era.instalmentOffer)) {
        this.at(this.workday(first, last), COUNTER_HOURS, () => this.startInstalments());
      } else if (this.isBillable() && this.rng.chance(era.resumeRate)) {
        this.mode = 'current';
      }
    } else if (this.isBillable()) {
      this.planRegularPayment(m, first, last);
    }

    if (this.status === 'active' && overdue >= 3 && this.rng.chance(era.sealRate)) {
      this.at(this.workday(first + 4, last - 3), FIELD_HOURS, () => this.seal());
    } else if (this.status === 'sealed' && m - this.sealedSince >= 3 && overdue >= 3 && this.rng.chance(era.disconnectRate)) {
      this.at(this.workday(first + 4, last - 3), FIELD_HOURS, () => this.disconnect());
    }

    if (m >= COLLECTION_TEAM_FROM && (overdue >= 2 || owesOpening)) {
      const rate = this.status === 'disconnected' ? era.visitRate / 2 : era.visitRate;
      if (this.rng.chance(rate)) this.at(this.fieldDay(first, last), FIELD_HOURS, () => this.visit());
    }
    // collectors call on those already behind at the start of the month, not on a bill a few days late
    if (m >= COLLECTION_TEAM_FROM && (overdue >= 1 || owesOpening)) this.planRoutineVisits(m);

    if (this.status === 'active' && this.mode === 'paying' && this.ledger.payableCount(last) === 0 && this.rng.chance(0.0006)) {
      this.at(this.workday(first, last), COUNTER_HOURS, () => this.close());
    }
    if (this.asked.futurePeriod && !this.produced.futurePeriod && m === this.w.toIdx && this.status === 'active' && this.lastBillTotal > 0) {
      this.at(this.workday(first + 20, last), COUNTER_HOURS, () => this.payFuturePeriod());
    }
    this.queue.sort((a, b) => a.stamp - b.stamp);
  }

  private planRegularPayment(m: number, first: number, last: number): void {
    const open = this.ledger.payableCount(last);
    if ((this.mode === 'instalments' && open <= 2) || (this.mode === 'current' && open <= 1)) this.mode = 'paying';
    const intent = monthlyIntent(this.rng, this.c.payer, this.mode, this.status === 'sealed', calendarMonth(m), open, this.c.backlog);
    if (intent.kind === 'none') return;
    // the bill issued this month, if any, came out on day 1–5
    const issued = Math.max(first, this.ledger.lastBill()?.issuedDay ?? first);
    let day = first + regularPaymentDay(this.rng, this.c.payer, issued - first + 1, last - first + 1) - 1;
    if (weekday(day) === 0 && !this.paysOnline(m)) day = day + 1 <= last ? day + 1 : day - 1;
    const selection: Selection = intent.kind === 'oldest' ? intent.count : intent.kind === 'current' ? 'newest' : 'all';
    this.at(day, this.paysOnline(m) ? ONLINE_HOURS : COUNTER_HOURS, () => this.payDebts(selection, 'customer'));
  }

  private planWriteOff(first: number, last: number, overdue: number, owesOpening: boolean): void {
    if (owesOpening && this.status === 'disconnected' && this.rng.chance(0.0004)) {
      const reason = this.rng.pick(OPENING_WRITE_OFF_REASONS);
      this.atEndOf(this.workday(first, last), () => this.writeOff(null, this.ledger.openingBalance()!.outstanding, reason));
    } else if (overdue > 0 && this.status === 'active' && this.rng.chance(0.0002)) {
      const reason = this.rng.pick(CORRECTION_REASONS);
      const share = 0.3 + 0.7 * this.rng.next();
      this.atEndOf(this.workday(first, last), () => {
        const oldest = this.ledger.payable(this.now()).find((d) => d.period !== null);
        if (oldest) this.writeOff(oldest.period, Math.max(1, Math.round(oldest.outstanding * share)), reason);
      });
    }
  }

  private paysOnline(m: number): boolean {
    return paysOnlineIn(this.c.digital, m, this.c.desa.kecamatan);
  }

  /** A working day of the field teams in [from, to] (any of the month's if none is), evenly. */
  private fieldDay(from: number, to: number): number {
    const month = workingDaysOf(this.month);
    const inRange = month.filter((d) => d >= from && d <= to);
    return this.rng.pick(inRange.length > 0 ? inRange : month);
  }

  /**
   * Working days on which the customer, if in arrears that morning, is offered for a routine visit. The
   * check runs at the start of the day so that a payment later that day can be the collector's.
   */
  private planRoutineVisits(m: number): void {
    const chance = this.w.routineChance(this.c.unit.code, m);
    for (const day of workingDaysOf(m)) {
      if (!this.routine.chance(chance)) continue;
      const second = this.routine.int(FIELD_HOURS[0], FIELD_HOURS[1]);
      const team = teamFor(this.routine, this.c.unit, m);
      this.queue.push({ stamp: day * DAY + 1, run: () => this.offerRoutineVisit(team, second) });
    }
  }

  private offerRoutineVisit(team: Team, second: number): void {
    const day = this.now();
    if (day - this.lastVisitDay < REVISIT_GAP_DAYS || this.ledger.arrearsAsOf(day) === 0) return;
    this.lastVisitDay = day;
    this.routines.push({ team, day, second, debtor: this.debtor(), gone: this.gone, cash: 0, cashSecond: 0, clearedArrears: false });
  }

  /** The routine visit of today, if the customer gets one, to whom a counter payment can go instead. */
  private collectorAtTheDoor(day: number): RoutineCandidate | undefined {
    const r = this.routines.at(-1);
    return r !== undefined && r.day === day && !r.gone ? r : undefined;
  }

  /** Once the customer's payments are all known, each routine visit's outcome follows from them. */
  private tellRoutineVisits(): void {
    let p = 0;
    for (const r of this.routines) {
      if (r.cash > 0) {
        const second = Math.max(FIELD_HOURS[0] - 3600, r.cashSecond - this.routine.int(600, 5400));
        const outcome = r.clearedArrears ? 'paid' : 'partial';
        const collector = collectorOf(this.routine, r.team, r.day);
        this.sink.visit({ visitId: this.nextVisitId(), team: r.team, collector, day: r.day, second, outcome, amountCollected: r.cash, promiseDay: null });
        continue;
      }
      while (p < this.paymentDays.length && this.paymentDays[p] < r.day) p++;
      const nextPayment = p < this.paymentDays.length ? this.paymentDays[p] : null;
      this.sink.routineVisit(r.team, r.day, () => {
        const { outcome, promiseDay } = routineVisit(this.routine, r.debtor, experience(r.team, monthOfDay(r.day)), r.gone, r.day, nextPayment);
        return {
          visitId: this.nextVisitId(),
          customerId: this.c.id,
          desaCode: this.c.desa.code,
          latitude: this.c.latitude,
          day: r.day,
          second: r.second,
          outcome,
          promiseDay,
        };
      });
    }
  }

  /**
   * The first month this customer may pay a bill twice: spread over the run by the customer number (no
   * random draw, which would move the customer's story), so that duplicates come in every year.
   */
  private duplicateFrom(): number {
    return this.w.fromIdx + (hashText(this.c.id) % (this.w.toIdx - this.w.fromIdx + 1));
  }

  private nextVisitId(): string {
    this.visitCounter++;
    return `V${String(this.c.index + 1).padStart(8, '0')}${String(this.visitCounter).padStart(4, '0')}`;
  }

  /** A Monday-to-Saturday day in [from, to] (offices and the counter are closed on Sunday). */
  private workday(from: number, to: number): number {
    const day = this.rng.int(from, Math.max(from, to));
    if (weekday(day) !== 0) return day;
    return day + 1 <= to ? day + 1 : day - 1;
  }

  private at(day: number, hours: [number, number], run: () => void): void {
    this.queue.push({ stamp: day * DAY + this.rng.int(hours[0], hours[1]), run });
  }

  private atEndOf(day: number, run: () => void): void {
    this.queue.push({ stamp: day * DAY + END_OF_DAY, run });
  }

  /** An effect a few days or weeks later; it may fall in a later month. */
  private later(day: number, hours: [number, number], run: () => void): void {
    // never before the action that plans it, which the queue has already passed
    const action = { stamp: Math.max(day * DAY + this.rng.int(hours[0], hours[1]), this.current + 1), run };
    if (day <= lastDayOfMonth(this.month)) {
      const i = this.queue.findIndex((a) => a.stamp > action.stamp);
      this.queue.splice(i === -1 ? this.queue.length : i, 0, action);
    } else {
      this.pending.push(action);
    }
  }

  private execute(): void {
    for (let i = 0; i < this.queue.length; i++) {
      this.current = this.queue[i].stamp;
      this.queue[i].run();
    }
    this.queue = [];
  }

  private now(): number {
    return Math.floor(this.current / DAY);
  }

  // ---- actions --------------------------------------------------------------------------------------

  /** Pays the oldest debts (or all of them) through the channel the customer uses, or as `via` says. */
  private payDebts(selection: Selection, via: Via): number {
    const day = this.now();
    const payable = this.ledger.payable(day);
    const chosen =
      selection === 'all' ? payable : selection === 'newest' ? payable.slice(-1).filter((d) => d.period !== null) : payable.slice(0, selection);
    if (chosen.length === 0 || this.gone) return 0;
    const tooOld = chosen.some((d) => d.period === null || day - d.dueDay > ONLINE_MAX_OVERDUE_DAYS);
    const channel = via === 'collector' ? COLLECTOR : via === 'counter' || tooOld ? COUNTER : this.customerChannel(day);
    // the customer meant to go to the counter today, and the collector came by first: same money, same day
    const door = via === 'customer' && channel === COUNTER ? this.collectorAtTheDoor(day) : undefined;
    const through = door ? COLLECTOR : channel;
    const stampBefore = this.lastStamp;
    let paid = 0;
    if (channel.online || (!chosen.some((d) => d.period === null) && chosen.length <= 3 && this.rng.chance(0.6) && via !== 'collector')) {
      for (const d of chosen) paid += this.payBill(through, d);
    } else {
      const owed = chosen.reduce((s, d) => s + d.outstanding, 0);
      const extra = channel === COUNTER && !door && this.asked.overpayment && !this.produced.overpayment ? this.overpaymentExtra(owed) : 0;
      this.emit(through, null, owed + extra, this.penaltyOn(chosen, day));
      paid = owed;
    }
    this.afterPayment(day);
    if (door) {
      door.cash += paid;
      if (door.cashSecond === 0) door.cashSecond = Math.max(stampBefore + 1, this.current) - day * DAY;
      door.clearedArrears = this.ledger.arrearsAsOf(day) === 0;
    }
    return paid;
  }

  private overpaymentExtra(owed: number): number {
    this.produced.overpayment = true;
    return Math.ceil((owed + 1) / 50_000) * 50_000 - owed;
  }

  private payBill(channel: Channel, bill: Debt): number {
    const amount = bill.outstanding;
    const result = this.emit(channel, bill.period, amount, this.penaltyOn([bill], this.now()));
    if (bill.outstanding === 0 && result.applications.length > 0) {
      this.settledBill ??= { period: bill.period!, day: this.now(), total: bill.total };
      if (channel.online && this.asked.duplicate && !this.produced.duplicate && this.month >= this.duplicateFrom()) {
        // paid in the app, then again the same day at the counter or through another partner
        this.produced.duplicate = true;
        const other = this.rng.chance(0.5) ? undefined : pickOnlineChannel(this.rng, this.now());
        const again = other === undefined || other === channel ? COUNTER : other;
        this.emit(again, bill.period, amount, 0, 1800);
      }
    }
    return amount;
  }

  private customerChannel(day: number): Channel {
    const m = this.month;
    const online = this.paysOnline(m) !== this.rng.chance(0.08);
    if (!online) return COUNTER;
    if (!this.preferred || !isLaunched(this.preferred, day) || this.rng.chance(0.03)) this.preferred = pickOnlineChannel(this.rng, day);
    else if (switchesToLaunchedMarketplace(this.rng, this.preferred, day)) this.preferred = MARKETPLACE_LAUNCH;
    return this.preferred ?? COUNTER;
  }

  private penaltyOn(debts: readonly Debt[], day: number): number {
    let penalty = 0;
    for (const d of debts) if (d.period !== null && d.dueDay < day) penalty += penaltyFor(d.total, this.month);
    return penalty;
  }

  /** Records one payment at the current time (plus `delay` seconds), applied to the ledger at once. */
  private emit(channel: Channel, period: number | null, amount: number, penalty: number, delay = 0): PaymentResult {
    // Strictly increasing times keep the paid_at order of the files the order the ledger applied them in.
    const stamp = Math.max(this.current + delay, this.lastStamp + 1);
    const day = Math.floor(stamp / DAY);
    if (day !== this.now()) throw new Error(`payment of ${this.c.id} pushed past midnight`);
    this.lastStamp = stamp;
    this.paymentDays.push(day);
    const result = this.ledger.pay(period, amount, day);
    this.sink.payment({
      ref: this.ref(channel, day),
      channel,
      period,
      day,
      second: stamp - day * DAY,
      amount,
      penalty,
      adminFee: channel.adminFee,
      result,
    });
    return result;
  }

  /** Channel prefix, day, the customer's serial and a running number: unique without a global counter. */
  private ref(channel: Channel, day: number): string {
    this.refCounter++;
    return `${channel.refPrefix}${yymmdd(day)}${String(this.c.index + 1).padStart(8, '0')}${String(this.refCounter).padStart(4, '0')}`;
  }

  /** Clearing every debt reopens a sealed connection, the rule for getting the water back. */
  private afterPayment(day: number): void {
    if (this.status === 'sealed' && this.ledger.arrearsAsOf(day) === 0) this.status = 'active';
  }

  private settleEverything(via: Via): void {
    if (this.gone) return;
    this.payDebts('all', via);
    this.mode = 'paying';
    if (this.status === 'disconnected' && this.rng.chance(0.5)) this.reconnect();
  }

  /** Cicil: the oldest two debts now and every month after, so the backlog shrinks by a bill a month. */
  private startInstalments(): void {
    if (this.gone) return;
    if (this.ledger.payableCount(this.now()) <= 3) return this.settleEverything('counter');
    this.payDebts(INSTALMENT.count, 'counter');
    this.mode = 'instalments';
  }

  private reconnect(): void {
    this.status = 'active';
    this.billable = true;
    this.activeUntilDay = Infinity;
  }

  /** Seals a connection still behind when the crew comes (it may have paid since it was planned). */
  private seal(): void {
    if (this.status === 'active' && this.ledger.overdueBills(this.now()) >= 2) this.forceSeal();
  }

  private forceSeal(): void {
    this.status = 'sealed';
    this.sealedSince = this.month;
    this.sealedThisMonth = true;
    this.activeUntilDay = this.now();
  }

  private disconnect(): void {
    if (this.status !== 'sealed' && this.status !== 'active') return;
    if (this.status === 'active') this.activeUntilDay = this.now();
    this.status = 'disconnected';
  }

  private close(): void {
    if (this.status !== 'active' || this.ledger.payableCount(this.now()) > 0) return;
    this.status = 'closed';
    this.activeUntilDay = this.now();
  }

  private writeOff(period: number | null, amount: number, reason: string): void {
    if (amount <= 0 || !this.ledger.writeOff(period, amount)) return;
    this.sink.writeOff({ period, day: this.now(), amount, reason });
  }

  private payFuturePeriod(): void {
    if (this.status !== 'active') return;
    this.produced.futurePeriod = true;
    this.emit(COUNTER, this.w.toIdx + 1, this.lastBillTotal, 0);
  }

  private debtor(): Debtor {
    const open = this.ledger.payable(this.now());
    const deep = this.mode === 'stopped' || open.length > 3 || open[0]?.period === null;
    return this.status === 'disconnected' ? 'disconnected' : deep ? 'deep' : 'behind';
  }

  private visit(): void {
    const day = this.now();
    if (this.ledger.arrearsAsOf(day) === 0 || this.gone) return;
    const open = this.ledger.payable(day);
    const team = teamFor(this.rng, this.c.unit, this.month);
    const collector = collectorOf(this.rng, team, day);
    let outcome = visitOutcome(this.rng, this.debtor(), experience(team, this.month));
    if (outcome === 'sealed' && this.status !== 'active') outcome = 'letter_delivered';
    this.lastVisitDay = day;
    let collected = 0;
    let promiseDay: number | null = null;
    const owed = open.reduce((s, d) => s + d.outstanding, 0);
    const typicalBill = billCharges(tariffFor(this.c.tariffClass, this.month), this.c.typicalM3, false).total;
    if (outcome === 'partial' && owed < 3 * typicalBill) outcome = 'paid';

    switch (outcome) {
      case 'paid':
        collected = this.collect(owed);
        this.mode = 'paying';
        if (this.status === 'disconnected' && this.rng.chance(0.4)) this.reconnect();
        break;
      case 'partial':
        // what the household has at hand: a bill or three, in round notes
        collected = this.collect(Math.max(10_000, Math.floor((typicalBill * this.rng.int(1, 2)) / 10_000) * 10_000));
        if (this.mode === 'stopped' && this.rng.chance(0.3)) this.mode = this.ledger.payableCount(day) > 3 ? 'instalments' : 'paying';
        break;
      case 'promise_to_pay':
        promiseDay = day + this.rng.int(7, 21);
        if (this.rng.chance(0.6)) {
          this.later(this.rng.int(day + 3, promiseDay + 5), COUNTER_HOURS, () => this.startInstalments());
        }
        break;
      case 'refused':
        if (this.status === 'active') this.later(day + this.rng.int(7, 20), FIELD_HOURS, () => this.seal());
        else if (this.status === 'sealed') this.later(day + this.rng.int(14, 40), FIELD_HOURS, () => this.disconnect());
        break;
      case 'sealed':
        this.forceSeal();
        break;
      case 'letter_delivered':
        if (this.rng.chance(0.3)) {
          const count = Math.max(1, Math.ceil(this.ledger.payableCount(day) / 2));
          this.later(day + this.rng.int(5, 30), COUNTER_HOURS, () => this.payDebts(count, 'counter'));
        }
        break;
      case 'moved':
        this.gone = true;
        this.mode = 'stopped';
        if (this.isBillable()) this.disconnect();
        break;
      case 'not_home':
        break;
    }
    this.sink.visit({ visitId: this.nextVisitId(), team, collector, day, second: this.current - day * DAY, outcome, amountCollected: collected, promiseDay });
  }

  /**
   * Cash handed to the collector, deposited at the office through the collector channel the same day or
   * within two (Sunday it is closed), as a payment without a period, so it pays the oldest debts first.
   * A few deposits are short of what the visit recorded.
   */
  private collect(amount: number): number {
    let depositDay = Math.min(this.now() + this.rng.weighted(DEPOSIT_DELAY_WEIGHTS), lastDayOfMonth(this.w.toIdx));
    if (weekday(depositDay) === 0) depositDay--;
    const deposited = this.rng.chance(DEPOSIT_DIFFERS) ? Math.max(1_000, amount - this.rng.int(1, 4) * 5_000) : amount;
    this.later(depositDay, COUNTER_HOURS, () => {
      this.emit(COLLECTOR, null, deposited, 0);
      this.afterPayment(this.now());
    });
    return amount;
  }
}
