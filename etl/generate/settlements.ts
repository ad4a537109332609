/**
 * The last month's payments of channels that deliver their own settlement files (banks, PPOB and
 * minimarket aggregators, marketplaces) go into those files, written by the channel's adapter, and not
 * into payments.csv; marketplaces' last twelve months do, one file a month, because only their reports
 * carry the refunded and cancelled orders, which are recorded but are not payments. Each file of the
 * last month also gets a few unreadable rows. Files are cut at MAX_ROWS so a run of a
 * million customers never holds a whole month of one bank in memory.
 *
 * One bank's first transmission of the month broke off: the file lost its last lines but kept the
 * trailer the bank computed, so the loader refuses it whole; the bank sent the full file again, which
 * holds every payment, so the refused one changes no figure.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { adapterByFormat } from '../adapters/index';
import type { CanonicalPayment } from '../adapters/types';
import { periodFromIndex } from '../domain/period';
import type { Channel, NativeFormat } from './channels';
import type { Rng } from './prng';

const MAX_ROWS = 10_000;
const EXTENSION: Readonly<Record<NativeFormat, string>> = { 'bank-h2h': 'txt', ppob: 'txt', marketplace: 'csv' };
/** Share of marketplace orders that were refunded or cancelled. */
const NOT_COMPLETED_SHARE = 0.03;
/** Months of marketplace reports in the demo, up to the last. */
const MARKETPLACE_MONTHS = 12;
/** Data lines the broken-off transmission lost. */
const LOST_LINES = 3;

export interface NativeFile {
  /** path relative to the output directory */
  file: string;
  format: NativeFormat;
  channel: string;
  /** rows in the file: payments, refunded/cancelled orders and bad rows */
  rows: number;
  notCompleted: number;
  /** the unreadable rows, by payment_ref, with why */
  bad: { payment_ref: string; reason: string }[];
}

/** How to spoil one field of a copied row so that reading it fails, per format. */
type Spoiler = { reason: string; spoil: (row: CanonicalPayment) => CanonicalPayment };

const SPOILERS: Readonly<Record<NativeFormat, readonly Spoiler[]>> = {
  'bank-h2h': [
    { reason: 'amount 1.250.00,00 is not Indonesian notation', spoil: (r) => ({ ...r, amount: '1.250.00,00' }) },
    { reason: 'amount has sen', spoil: (r) => ({ ...r, amount: `${groupThousands(r.amount)},50` }) },
    { reason: 'no 31 September', spoil: (r) => ({ ...r, paid_at: `31/09/${r.paid_at.slice(0, 4)} 10:11:12` }) },
    { reason: 'negative amount', spoil: (r) => ({ ...r, amount: `-${r.amount}` }) },
  ],
  ppob: [
    { reason: 'RPTAG with a thousands separator', spoil: (r) => ({ ...r, amount: groupThousands(r.amount) }) },
    { reason: 'BLTH month 13', spoil: (r) => ({ ...r, period: `${r.paid_at.slice(0, 4)}13` }) },
    { reason: 'TGL_BAYAR day 32', spoil: (r) => ({ ...r, paid_at: `${r.paid_at.slice(0, 8)}32 08:00:00` }) },
    { reason: 'unknown channel ALFAMART', spoil: (r) => ({ ...r, channel_code: 'ALFAMART' }) },
  ],
  marketplace: [
    { reason: 'order_time without an offset, day first', spoil: (r) => ({ ...r, paid_at: `${r.paid_at.slice(8, 10)}/${r.paid_at.slice(5, 7)}/${r.paid_at.slice(0, 4)} 10:00` }) },
    { reason: 'bill_amount with Rp and separators', spoil: (r) => ({ ...r, amount: `Rp${groupThousands(r.amount)}` }) },
    { reason: 'bill_period not yyyy-MM', spoil: (r) => ({ ...r, period: `Okt ${r.paid_at.slice(0, 4)}` }) },
    { reason: 'negative penalty', spoil: (r) => ({ ...r, penalty: '-5000' }) },
  ],
};

/** Whether a payment of the month goes into the channel's own settlement file rather than payments.csv. */
export function inSettlementFile(channel: Channel, monthIdx: number, lastMonthIdx: number): boolean {
  if (!channel.native) return false;
  return monthIdx === lastMonthIdx || (channel.category === 'marketplace' && monthIdx > lastMonthIdx - MARKETPLACE_MONTHS && monthIdx < lastMonthIdx);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

interface Buffer {
  channel: Channel;
  monthIdx: number;
  rows: CanonicalPayment[];
  parts: number;
}

export class SettlementFiles {
  /** by channel and month */
  private readonly buffers = new Map<string, Buffer>();
  readonly written: NativeFile[] = [];
  /** files the loader must refuse whole, and why */
  readonly refused: { file: string; reason: string }[] = [];

  constructor(
    private readonly outDir: string,
    private readonly lastMonthIdx: number,
    private readonly rng: Rng,
    /** a payment_ref no real payment uses, for the rows the files add */
    private readonly extraRef: (channel: Channel, paidAt: string) => string,
  ) {}

  add(channel: Channel, monthIdx: number, payment: CanonicalPayment): void {
    const key = `${channel.code} ${monthIdx}`;
    let b = this.buffers.get(key);
    if (!b) this.buffers.set(key, (b = { channel, monthIdx, rows: [], parts: 0 }));
    b.rows.push(payment);
  }

  /** Writes out the channel months that no longer fit in memory. */
  async flushFull(): Promise<void> {
    for (const b of this.buffers.values()) if (b.rows.length >= MAX_ROWS) await this.flush(b);
  }

  /** Writes the rest, in channel and month order. */
  async close(channelOrder: readonly Channel[]): Promise<void> {
    const rest = [...this.buffers.values()].filter((b) => b.rows.length > 0);
    rest.sort((a, b) => channelOrder.indexOf(a.channel) - channelOrder.indexOf(b.channel) || a.monthIdx - b.monthIdx);
    for (const b of rest) await this.flush(b);
  }

  private async flush(b: Buffer): Promise<void> {
    const { channel } = b;
    const format = channel.native!;
    const payments = b.rows;
    b.rows = [];
    const part = ++b.parts;

    const rows = [...payments];
    let notCompleted = 0;
    if (format === 'marketplace') {
      notCompleted = Math.max(2, Math.round(payments.length * NOT_COMPLETED_SHARE));
      for (let i = 0; i < notCompleted; i++) {
        const paid = this.rng.pick(payments);
        rows.push({ ...paid, payment_ref: this.extraRef(channel, paid.paid_at), status: i % 2 === 0 ? 'refunded' : 'cancelled' });
      }
    }
    // partners deliver their rows in time order
    rows.sort((a, b) => (a.paid_at < b.paid_at ? -1 : a.paid_at > b.paid_at ? 1 : a.payment_ref < b.payment_ref ? -1 : 1));
    const bad: NativeFile['bad'] = [];
    for (const s of b.monthIdx === this.lastMonthIdx ? SPOILERS[format] : []) {
      const copied = this.rng.pick(payments);
      const row = { ...s.spoil(copied), payment_ref: this.extraRef(channel, copied.paid_at) };
      rows.splice(this.rng.int(0, rows.length), 0, row);
      bad.push({ payment_ref: row.payment_ref, reason: s.reason });
    }
    const suffix = part > 1 ? `-part${part}` : '';
    const file = join('settlements', `${channel.code.toLowerCase().replace(/_/g, '-')}-${periodFromIndex(b.monthIdx)}${suffix}.${EXTENSION[format]}`);
    const text = adapterByFormat(format)!.write(rows, channel.code);
    await writeFile(join(this.outDir, file), text, 'utf8');
    this.written.push({ file, format, channel: channel.code, rows: rows.length, notCompleted, bad });
    if (format === 'bank-h2h' && this.refused.length === 0 && rows.length > 2 * LOST_LINES) await this.writeBrokenOff(file, text);
  }

  /** The same file without its last data lines, the trailer as the bank computed it for all of them. */
  private async writeBrokenOff(file: string, text: string): Promise<void> {
    const lines = text.split('\r\n');
    const trailer = lines.findLastIndex((l) => l.startsWith('T;'));
    lines.splice(trailer - LOST_LINES, LOST_LINES);
    const broken = file.replace(/(\.\w+)$/, '-first-transmission$1');
    await writeFile(join(this.outDir, broken), lines.join('\r\n'), 'utf8');
    this.refused.push({ file: broken, reason: 'trailer row count does not match' });
  }
}
