import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAdapter } from '../../../etl/adapters/index';
import { COLUMNS, generate, type GenerateOptions, type Truth } from '../../../etl/generate/generate';

/** A tiny utility over the last two years: collection team, visits and marketplaces all present. */
const OPTIONS: Omit<GenerateOptions, 'out'> = { customers: 200, from: '2024-11', to: '2026-10', seed: 'unit' };

let dirA: string;
let dirB: string;
let truth: Truth;

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Settlement files but the one the loader must refuse whole (tests/unit/generate/stories.test.ts reads that). */
async function readableSettlementFiles(): Promise<string[]> {
  const refused = new Set(truth.refused_files.map((f) => f.file));
  return (await filesOf(dirA)).filter((f) => f.startsWith('settlements/') && !refused.has(f));
}

const lines = async (file: string) => (await readFile(join(dirA, file), 'utf8')).split('\n').filter((l) => l !== '');

beforeAll(async () => {
  dirA = await mkdtemp(join(tmpdir(), 'kaba-gen-a-'));
  dirB = await mkdtemp(join(tmpdir(), 'kaba-gen-b-'));
  truth = await generate({ ...OPTIONS, out: dirA });
  await generate({ ...OPTIONS, out: dirB });
});

afterAll(async () => {
  await rm(dirA, { recursive: true, force: true });
  await rm(dirB, { recursive: true, force: true });
});

describe('the demo generator', () => {
  it('writes byte-identical files for the same arguments', async () => {
    const files = await filesOf(dirA);
    expect(files).toEqual(await filesOf(dirB));
    for (const f of files) expect(await readFile(join(dirB, f)), f).toEqual(await readFile(join(dirA, f)));
  });

  it('writes every canonical file with exactly the contract columns', async () => {
    for (const [file, columns] of Object.entries(COLUMNS)) {
      expect((await lines(file))[0], file).toBe(columns.join(','));
    }
  });

  it('writes all 156 desa and kelurahan of Rejang Lebong, plus the bad rows', async () => {
    const rows = (await lines('areas.csv')).length - 1;
    expect(rows - truth.expected_rejects['areas.csv']).toBe(156);
  });

  it('makes every bill add up, except the rows that are bad on purpose', async () => {
    const badLines = new Set(truth.bad_rows.filter((b) => b.file === 'bills.csv').map((b) => b.line));
    const bills = await lines('bills.csv');
    let good = 0;
    bills.slice(1).forEach((text, i) => {
      const line = i + 2;
      if (badLines.has(line)) return;
      const [, period, issued, due, usage, water, fixed, other, total] = text.split(',');
      expect(period, text).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(issued < due, text).toBe(true);
      expect(Number(usage) >= 0).toBe(true);
      expect(Number(water) + Number(fixed) + Number(other), text).toBe(Number(total));
      good++;
    });
    expect(good).toBe(truth.bills.count);
  });

  it('counts every bad row in expected_rejects', () => {
    const byFile: Record<string, number> = {};
    for (const b of truth.bad_rows) byFile[b.file] = (byFile[b.file] ?? 0) + 1;
    expect(byFile).toEqual(truth.expected_rejects);
    for (const [file, n] of Object.entries(truth.expected_rejects)) {
      expect(n, file).toBeGreaterThanOrEqual(2);
      expect(n, file).toBeLessThanOrEqual(10);
    }
  });

  it('gives arrears for every month end, never negative, and payments that add up', () => {
    const ends = Object.keys(truth.arrears_by_month_end);
    expect(ends).toHaveLength(24);
    expect(ends[0]).toBe('2024-11-30');
    expect(ends.at(-1)).toBe('2026-10-31');
    for (const a of Object.values(truth.arrears_by_month_end)) expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
    const byChannel = truth.payments_by_channel_month;
    expect(byChannel.reduce((s, r) => s + r.payments, 0)).toBe(truth.payments.count);
    expect(byChannel.reduce((s, r) => s + r.amount, 0)).toBe(truth.payments.amount);
    expect(truth.unmatched_payments).toBeGreaterThan(0);
    expect(truth.payments.duplicate_payments).toBeGreaterThan(0);
    expect(truth.payments.credit_amount).toBeGreaterThan(0);
  });

  it('puts the last month of settlement-file channels only in their own files', async () => {
    const native = new Set(
      (await filesOf(dirA)).filter((f) => f.startsWith('settlements/')).map((f) => f.split('/')[1].replace(/-2026-10\..*$/, '')),
    );
    const payments = (await lines('payments.csv')).slice(1).map((l) => l.split(','));
    const leaked = payments.filter(([, channel, , , paidAt]) => paidAt.startsWith('2026-10') && native.has(channel.toLowerCase().replace(/_/g, '-')));
    expect(leaked).toEqual([]);
    const fromFiles = truth.payments_by_channel_month.filter((r) => r.month === '2026-10' && native.has(r.channel_code.toLowerCase().replace(/_/g, '-')));
    expect(fromFiles.length).toBeGreaterThan(0);
  });

  it('tallies payments by channel and month exactly as the files hold them', async () => {
    const tally = new Map<string, { payments: number; amount: number }>();
    const count = (month: string, channel: string, amount: number) => {
      const key = `${month} ${channel}`;
      const t = tally.get(key) ?? { payments: 0, amount: 0 };
      tally.set(key, { payments: t.payments + 1, amount: t.amount + amount });
    };
    const badLines = new Set(truth.bad_rows.filter((b) => b.file === 'payments.csv').map((b) => b.line));
    (await lines('payments.csv')).slice(1).forEach((text, i) => {
      if (badLines.has(i + 2)) return;
      const [, channel, , , paidAt, amount] = text.split(',');
      count(paidAt.slice(0, 7), channel, Number(amount));
    });
    const badRefs = new Set(truth.bad_rows.flatMap((b) => (b.payment_ref ? [b.payment_ref] : [])));
    for (const file of await readableSettlementFiles()) {
      const text = await readFile(join(dirA, file), 'utf8');
      for (const p of detectAdapter(file, text.split(/\r?\n/).slice(0, 5))!.parse(text, file)) {
        if ('payment' in p && p.payment.status === 'completed' && !badRefs.has(p.payment.payment_ref)) {
          count(p.payment.paid_at.slice(0, 7), p.payment.channel_code, Number(p.payment.amount));
        }
      }
    }
    const expected = new Map(truth.payments_by_channel_month.map((r) => [`${r.month} ${r.channel_code}`, { payments: r.payments, amount: r.amount }]));
    expect(tally).toEqual(expected);
  });

  it('writes settlement files the adapters read back, with exactly the planned bad rows', async () => {
    const settlementFiles = await readableSettlementFiles();
    expect(settlementFiles.length).toBeGreaterThanOrEqual(3);
    let notCompleted = 0;
    for (const file of settlementFiles) {
      const text = await readFile(join(dirA, file), 'utf8');
      const adapter = detectAdapter(file, text.split(/\r?\n/).slice(0, 5));
      expect(adapter, file).toBeDefined();
      const parsed = adapter!.parse(text, file);
      const unreadable = parsed.filter((p) => 'reason' in p).length;
      // the remaining planned bad rows read fine but name a channel that does not exist
      const unknownChannel = parsed.filter((p) => 'payment' in p && p.payment.channel_code === 'ALFAMART').length;
      expect(unreadable + unknownChannel, file).toBe(truth.expected_rejects[file] ?? 0);
      notCompleted += parsed.filter((p) => 'payment' in p && p.payment.status !== 'completed').length;
    }
    expect(notCompleted).toBe(truth.marketplace_not_completed);
  });
});
