/**
 * The stories the channel and collection pages tell, read back from the files a small generated utility
 * holds: the collectors' days, promises kept and broken, cash deposited, a new team learning; online
 * adoption by area, the marketplace launch, refunds, duplicates across channels and a refused file.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAdapter } from '../../../etl/adapters/index';
import { FileRefusedError } from '../../../etl/adapters/types';
import { dayNumber } from '../../../etl/domain/period';
import { URBAN_CURUP } from '../../../etl/generate/adoption';
import { isWorkingDay } from '../../../etl/generate/calendar';
import { generate, type Truth } from '../../../etl/generate/generate';
import { splitRecord } from '../../../etl/load/csv';

type Row = Record<string, string>;

async function rows(dir: string, file: string): Promise<Row[]> {
  const [header, ...lines] = (await readFile(join(dir, file), 'utf8')).split('\n').filter((l) => l !== '');
  const columns = header.split(',');
  return lines.flatMap((line) => {
    const r = splitRecord(line);
    return r.ok && r.value.length === columns.length ? [Object.fromEntries(columns.map((c, i) => [c, r.value[i]]))] : [];
  });
}

/**
 * Completed payments wherever they are: payments.csv and the settlement files the loader reads (the
 * marketplaces' last twelve months, every partner's last month), without the rows bad on purpose.
 */
async function completedPayments(dir: string, truth: Truth): Promise<Row[]> {
  const bad = new Set(truth.bad_rows.filter((b) => b.file === 'payments.csv').map((b) => b.line));
  const badRefs = new Set(truth.bad_rows.flatMap((b) => (b.payment_ref ? [b.payment_ref] : [])));
  const refused = new Set(truth.refused_files.map((f) => f.file));
  const canonical = (await rows(dir, 'payments.csv')).filter((_, i) => !bad.has(i + 2));
  const native: Row[] = [];
  for (const name of await readdir(join(dir, 'settlements'))) {
    const file = join('settlements', name);
    if (refused.has(file)) continue;
    const text = await readFile(join(dir, file), 'utf8');
    for (const p of detectAdapter(file, text.split(/\r?\n/).slice(0, 5))!.parse(text, file)) {
      if ('payment' in p && p.payment.status === 'completed' && !badRefs.has(p.payment.payment_ref)) native.push({ ...p.payment });
    }
  }
  return [...canonical, ...native];
}

const day = (isoDateTime: string) => dayNumber(isoDateTime.slice(0, 10));
const share = (part: number, whole: number) => part / Math.max(1, whole);

function paymentsByCustomer(payments: Row[]): Map<string, { day: number; channel: string; amount: number }[]> {
  const by = new Map<string, { day: number; channel: string; amount: number }[]>();
  for (const p of payments) {
    const list = by.get(p.customer_id) ?? [];
    list.push({ day: day(p.paid_at), channel: p.channel_code, amount: Number(p.amount) });
    by.set(p.customer_id, list);
  }
  return by;
}

describe('the collection teams of a generated utility', () => {
  let dir: string;
  let visits: Row[];
  let payments: Map<string, { day: number; channel: string; amount: number }[]>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaba-stories-collect-'));
    const truth = await generate({ customers: 3000, from: '2025-01', to: '2026-06', seed: 'stories', out: dir });
    // the bad rows of visits.csv have visit numbers of nobody's (V999…) or copy a real line
    visits = (await rows(dir, 'visits.csv')).filter((v) => !v.visit_id.startsWith('V999'));
    payments = paymentsByCustomer(await completedPayments(dir, truth));
  }, 60_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives each collector 20 to 25 visits on a day in the field, on working days only', () => {
    const perCollectorDay = new Map<string, number>();
    for (const v of visits) {
      const key = `${v.collector_id} ${v.visited_at.slice(0, 10)}`;
      perCollectorDay.set(key, (perCollectorDay.get(key) ?? 0) + 1);
    }
    const average = visits.length / perCollectorDay.size;
    expect(average).toBeGreaterThanOrEqual(20);
    expect(average).toBeLessThanOrEqual(25);
    expect(visits.every((v) => isWorkingDay(day(v.visited_at)))).toBe(true);
    // no visits on the 17th of August or on Christmas
    expect(visits.some((v) => v.visited_at.startsWith('2025-08-18'))).toBe(true);
    expect(visits.some((v) => v.visited_at.startsWith('2025-12-25'))).toBe(false);
  });

  it('visits a team’s own area only: the head office’s two teams its customers, each unit’s team its own', () => {
    for (const v of visits) {
      const unit = v.customer_id.slice(0, 2);
      expect(v.team_id === 'T05' ? '01' : v.team_id.slice(1), v.visit_id).toBe(unit);
    }
  });

  it('keeps some promises (a payment from the visit day to the promised day) and breaks others', () => {
    const promises = visits.filter((v) => v.outcome === 'promise_to_pay');
    const kept = promises.filter((v) => {
      const from = day(v.visited_at);
      const to = dayNumber(v.promise_date);
      return (payments.get(v.customer_id) ?? []).some((p) => p.day >= from && p.day <= to);
    });
    expect(promises.length).toBeGreaterThan(1000);
    const keptShare = share(kept.length, promises.length);
    expect(keptShare).toBeGreaterThan(0.2);
    expect(keptShare).toBeLessThan(0.6);
  });

  it('deposits the cash of every visit through the collector channel for the same customer within two days, mostly exact', () => {
    const withCash = visits.filter((v) => Number(v.amount_collected) > 0);
    expect(withCash.length).toBeGreaterThan(100);
    let exact = 0;
    for (const v of withCash) {
      const d = day(v.visited_at);
      // one deposit, or one per bill the cash paid
      const deposits = (payments.get(v.customer_id) ?? []).filter((p) => p.channel === 'KOLEKTOR' && p.day >= d && p.day <= d + 2);
      expect(deposits.length, v.visit_id).toBeGreaterThan(0);
      if (deposits.reduce((s, p) => s + p.amount, 0) === Number(v.amount_collected)) exact++;
    }
    expect(share(exact, withCash.length)).toBeGreaterThan(0.9);
    expect(exact).toBeLessThan(withCash.length);
  });

  it('has payments follow visits: a fair share of visited customers pays within 14 days', () => {
    const followed = visits.filter((v) => {
      const d = day(v.visited_at);
      return (payments.get(v.customer_id) ?? []).some((p) => p.day >= d && p.day <= d + 14);
    });
    expect(share(followed.length, visits.length)).toBeGreaterThan(0.2);
  });

  it('lets the mobile team (from July 2025) find more people at home as its months go by', () => {
    const contactRate = (months: string[]) => {
      const mine = visits.filter((v) => v.team_id === 'T05' && months.includes(v.visited_at.slice(0, 7)));
      return share(mine.filter((v) => v.outcome !== 'not_home' && v.outcome !== 'moved').length, mine.length);
    };
    expect(visits.some((v) => v.team_id === 'T05' && v.visited_at < '2025-07')).toBe(false);
    const first = contactRate(['2025-07', '2025-08']);
    const settled = contactRate(['2026-01', '2026-02', '2026-03']);
    expect(settled - first).toBeGreaterThan(0.1);
  });
});

describe('the payment channels of a generated utility', () => {
  let dir: string;
  let truth: Truth;
  let payments: Row[];
  let kecamatanOf: Map<string, string>;
  let online: Set<string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaba-stories-channels-'));
    truth = await generate({ customers: 1500, from: '2022-07', to: '2023-12', seed: 'stories', out: dir });
    payments = await completedPayments(dir, truth);
    kecamatanOf = new Map((await rows(dir, 'customers.csv')).map((c) => [c.customer_id, c.desa_code.slice(0, 8)]));
    online = new Set((await rows(dir, 'channels.csv')).filter((c) => c.online === 'true').map((c) => c.channel_code));
  }, 60_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has urban Curup pay online more than the outer kecamatan', () => {
    const tally = { urban: [0, 0], outer: [0, 0] };
    for (const p of payments.filter((p) => p.paid_at.startsWith('2023') && kecamatanOf.has(p.customer_id))) {
      const t = URBAN_CURUP.has(kecamatanOf.get(p.customer_id)!) ? tally.urban : tally.outer;
      t[1]++;
      if (online.has(p.channel_code)) t[0]++;
    }
    const urban = share(tally.urban[0], tally.urban[1]);
    const outer = share(tally.outer[0], tally.outer[1]);
    expect(urban - outer).toBeGreaterThan(0.15);
  });

  it('moves customers to the marketplace launched in February 2023, from the channels they used', () => {
    const mainChannel = (from: string, to: string) => {
      const counts = new Map<string, Map<string, number>>();
      for (const p of payments.filter((p) => p.paid_at >= from && p.paid_at < to)) {
        const c = counts.get(p.customer_id) ?? new Map<string, number>();
        c.set(p.channel_code, (c.get(p.channel_code) ?? 0) + 1);
        counts.set(p.customer_id, c);
      }
      return new Map([...counts].map(([id, c]) => [id, [...c].sort((a, b) => b[1] - a[1])[0][0]]));
    };
    const before = mainChannel('2022-09', '2023-02');
    const after = mainChannel('2023-03', '2023-09');
    const movedFrom = new Set<string>();
    let moved = 0;
    for (const [id, channel] of after) {
      const was = before.get(id);
      if (channel === 'SHOPEE' && was !== undefined && was !== 'SHOPEE') {
        moved++;
        movedFrom.add(was);
      }
    }
    const onlineBefore = [...before.values()].filter((c) => online.has(c)).length;
    expect(share(moved, onlineBefore)).toBeGreaterThan(0.1);
    expect(movedFrom.size).toBeGreaterThanOrEqual(3);
  });

  it('has the same bill paid at two channels, marketplace refunds and cancellations, and a refused bank file', async () => {
    const byBill = new Map<string, Set<string>>();
    for (const p of payments.filter((p) => p.period !== '')) {
      const key = `${p.customer_id} ${p.period}`;
      byBill.set(key, (byBill.get(key) ?? new Set()).add(p.channel_code));
    }
    expect([...byBill.values()].filter((channels) => channels.size >= 2).length).toBeGreaterThanOrEqual(2);
    expect(truth.payments.duplicate_payments).toBeGreaterThanOrEqual(4);
    expect(truth.marketplace_not_completed).toBeGreaterThan(0);

    expect(truth.refused_files).toHaveLength(1);
    const refused = truth.refused_files[0].file;
    const text = await readFile(join(dir, refused), 'utf8');
    const adapter = detectAdapter(refused, text.split(/\r?\n/).slice(0, 5))!;
    expect(adapter.format).toBe('bank-h2h');
    expect(() => adapter.parse(text, refused)).toThrow(FileRefusedError);
    expect(() => adapter.parse(text, refused)).toThrow(/trailer row count does not match/);
    // the bank's full file is there too, and reads
    const full = refused.replace('-first-transmission', '');
    expect(await readdir(join(dir, 'settlements'))).toContain(full.split('/').pop());
  });
});
