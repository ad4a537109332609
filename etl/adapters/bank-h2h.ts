/**
 * Bank host-to-host reconciliation file: one file per bank and settlement day, `;`-separated, with a
 * header naming the channel and a trailer the bank computed, which we verify so that a truncated or
 * edited file is refused whole rather than loaded short. Layout in etl/adapters/README.md.
 */
import { formatIndonesianRupiah, parseIndonesianRupiah } from '../domain/money';
import { parseDate, parseJakartaTimestamp } from '../domain/period';
import {
  billMonth,
  indonesianRupiah,
  ok,
  patternTimestamp,
  paymentLine,
  requiredText,
  timestamp,
  writeBillMonth,
  writeIndonesianRupiah,
  writeTimestamp,
  type BillMonthLayout,
} from './fields';
import { nonBlankLines, type TextLine } from './lines';
import { FileRefusedError, type CanonicalPayment, type ParsedLine, type SettlementAdapter } from './types';

const SEP = ';';
const HEADER_SHAPE = 'H;<channel code>;<biller code>;<settlement date dd/MM/yyyy>';
const TRAILER_SHAPE = 'T;<row count>;<total principal>';
const TITLE = 'C;NO_REF;IDPEL;BLTH;TGL_BAYAR;POKOK;DENDA;ADMIN';
const DATA_FIELDS = 8;
const PRINCIPAL = 5;
// The biller code identifies the utility at the bank; one installation serves one utility, so parse does
// not read it and write puts a placeholder.
const WRITTEN_BILLER_CODE = 'PDAM';

const BILL_MONTH: BillMonthLayout = {
  name: 'MMyyyy',
  pattern: /^(?<m>\d{2})(?<y>\d{4})$/,
  write: (y, m) => `${m}${y}`,
};

const PAID_AT = patternTimestamp(
  'dd/MM/yyyy HH:mm:ss',
  /^(?<d>\d{2})\/(?<mo>\d{2})\/(?<y>\d{4}) (?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})$/,
  (p) => `${p.d}/${p.mo}/${p.y} ${p.h}:${p.mi}:${p.s}`,
);

function recordType(raw: string): string {
  return raw.split(SEP)[0].trim();
}

function refuse(message: string): never {
  throw new FileRefusedError(message);
}

/** The channel code the header names; a header that is not one refuses the file. */
function readHeader(header: TextLine): string {
  const f = header.raw.split(SEP);
  if (f.length !== 4 || f[0].trim() !== 'H') {
    refuse(`header missing: line ${header.line} should be ${HEADER_SHAPE}, found ${header.raw}`);
  }
  const channel = f[1].trim();
  if (channel === '') refuse(`header (line ${header.line}) names no channel code`);
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(f[3].trim());
  if (!date || !parseDate(`${date[3]}-${date[2]}-${date[1]}`).ok) {
    refuse(`header (line ${header.line}) settlement date is not dd/MM/yyyy (${f[3].trim()})`);
  }
  return channel;
}

/**
 * The principal a data line contributes to the trailer total: 0 unless it is a well-shaped data line whose
 * principal parses. Parse and write both use it, so they can never disagree about the total.
 */
function principalOf(raw: string): number {
  const f = raw.split(SEP);
  if (f[0].trim() !== 'D' || f.length !== DATA_FIELDS) return 0;
  const r = parseIndonesianRupiah(f[PRINCIPAL]);
  return r.ok ? r.value : 0;
}

function verifyTrailer(trailer: TextLine, body: readonly TextLine[]): void {
  const f = trailer.raw.split(SEP);
  if (f.length !== 3) refuse(`trailer (line ${trailer.line}) should be ${TRAILER_SHAPE}, found ${trailer.raw}`);
  const count = f[1].trim();
  if (!/^\d+$/.test(count)) refuse(`trailer row count is not a number (${count})`);
  const total = parseIndonesianRupiah(f[2], 'trailer total');
  if (!total.ok) refuse(total.reason);
  if (Number(count) !== body.length) {
    refuse(`trailer row count does not match: trailer says ${count}, the file has ${body.length} data lines`);
  }
  const sum = body.reduce((s, l) => s + principalOf(l.raw), 0);
  if (sum !== total.value) {
    refuse(
      `trailer total does not match: trailer says ${formatIndonesianRupiah(total.value)}, ` +
        `the principal amounts of the data lines sum to ${formatIndonesianRupiah(sum)}`,
    );
  }
}

function dataLine({ line, raw }: TextLine, channel: string): ParsedLine {
  const f = raw.split(SEP);
  if (f[0].trim() !== 'D') return { line, raw, reason: `not a data line: starts with '${f[0].trim()}', expected D` };
  if (f.length !== DATA_FIELDS) return { line, raw, reason: `data line has ${f.length} fields, expected ${DATA_FIELDS}` };
  const [, ref, customer, month, paidAt, amount, penalty, adminFee] = f;
  return paymentLine(line, raw, {
    payment_ref: requiredText(ref, 'payment_ref'),
    channel_code: ok(channel),
    customer_id: requiredText(customer, 'customer_id'),
    period: billMonth(month, BILL_MONTH, 'period'),
    paid_at: timestamp(paidAt, PAID_AT, 'paid_at'),
    amount: indonesianRupiah(amount, 'amount'),
    penalty: indonesianRupiah(penalty, 'penalty'),
    admin_fee: indonesianRupiah(adminFee, 'admin_fee'),
    status: ok('completed'),
  });
}

/** The header date: the day of the latest readable payment (any valid date will do for parse). */
function settlementDate(rows: readonly CanonicalPayment[]): string {
  const days = rows.flatMap((r) => {
    const t = parseJakartaTimestamp(r.paid_at);
    return t.ok ? [t.value.slice(0, 10)] : [];
  });
  const day = days.sort().at(-1) ?? '1970-01-01';
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

export const bankH2h: SettlementAdapter = {
  format: 'bank-h2h',
  description: 'Bank host-to-host reconciliation file (H;… header, D;… lines, T;count;total trailer)',

  detect(_fileName, firstLines) {
    const f = (firstLines[0] ?? '').split(SEP);
    return f.length === 4 && f[0].trim() === 'H';
  },

  parse(text) {
    const [header, ...rest] = nonBlankLines(text);
    if (header === undefined) refuse(`file is empty: expected a header ${HEADER_SHAPE}`);
    const channel = readHeader(header);
    const trailer = rest.at(-1);
    if (trailer === undefined || recordType(trailer.raw) !== 'T') {
      const found = trailer ? `line ${trailer.line} is ${trailer.raw}` : 'the file ends after the header';
      refuse(`trailer missing: the last line should be ${TRAILER_SHAPE}, but ${found}`);
    }
    const body = rest.slice(recordType(rest[0].raw) === 'C' ? 1 : 0, -1);
    for (const l of body) {
      const type = recordType(l.raw);
      if (type === 'H' || type === 'T') {
        refuse(`line ${l.line} is a ${type === 'H' ? 'header' : 'trailer'} in the middle of the file (two files joined?)`);
      }
    }
    verifyTrailer(trailer, body);
    return body.map((l) => dataLine(l, channel));
  },

  write(rows, channelCode) {
    const data = rows.map((r) => {
      if (r.status !== 'completed') throw new Error(`bank-h2h files carry completed payments only (${r.payment_ref} is ${r.status})`);
      if (r.channel_code !== channelCode) {
        throw new Error(`bank-h2h files carry one channel: ${r.payment_ref} is ${r.channel_code}, the file is ${channelCode}`);
      }
      return [
        'D',
        r.payment_ref,
        r.customer_id,
        writeBillMonth(r.period, BILL_MONTH),
        writeTimestamp(r.paid_at, PAID_AT),
        writeIndonesianRupiah(r.amount),
        writeIndonesianRupiah(r.penalty),
        writeIndonesianRupiah(r.admin_fee),
      ].join(SEP);
    });
    const total = data.reduce((s, raw) => s + principalOf(raw), 0);
    // CRLF, as the banks' Windows hosts write it; parse accepts either.
    return [
      ['H', channelCode, WRITTEN_BILLER_CODE, settlementDate(rows)].join(SEP),
      TITLE,
      ...data,
      ['T', data.length, formatIndonesianRupiah(total)].join(SEP),
      '',
    ].join('\r\n');
  },
};
