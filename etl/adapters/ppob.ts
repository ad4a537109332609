/**
 * PPOB / minimarket aggregator report: `|`-separated with the field names PPOB switching uses (IDPEL,
 * BLTH, RPTAG …). Columns are found by name, so aggregators that order or extend them differently still
 * read. Layout in etl/adapters/README.md.
 */
import {
  billMonth,
  ok,
  patternTimestamp,
  paymentLine,
  requiredText,
  timestamp,
  wholeRupiah,
  writeBillMonth,
  writeTimestamp,
  writeWholeRupiah,
  type BillMonthLayout,
} from './fields';
import { headerNames, readTable, splitOn } from './lines';
import type { SettlementAdapter } from './types';

const SEP = '|';
const split = splitOn(SEP);
// Also the order write() uses.
const COLUMNS = ['IDTRX', 'MITRA', 'IDPEL', 'BLTH', 'RPTAG', 'DENDA', 'ADMIN', 'TGL_BAYAR'] as const;

const BLTH: BillMonthLayout = {
  name: 'yyyyMM',
  pattern: /^(?<y>\d{4})(?<m>\d{2})$/,
  write: (y, m) => `${y}${m}`,
};

const TGL_BAYAR = patternTimestamp(
  'yyyy-MM-dd HH:mm:ss',
  /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2}) (?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})$/,
  (p) => `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`,
);

export const ppob: SettlementAdapter = {
  format: 'ppob',
  description: 'PPOB / minimarket aggregator report (| separated; IDTRX, MITRA, IDPEL, BLTH, RPTAG, DENDA, ADMIN, TGL_BAYAR)',

  // IDPEL and RPTAG together are the PPOB hallmark; a file that has them but lacks another column should
  // be detected and then refused with the missing columns named, not reported as an unknown format.
  detect(_fileName, firstLines) {
    const names = headerNames(firstLines, split);
    return names.includes('IDPEL') && names.includes('RPTAG');
  },

  parse(text) {
    return readTable(text, split, COLUMNS).map((l) => {
      if ('reason' in l) return l;
      const v = l.values;
      return paymentLine(l.line, l.raw, {
        payment_ref: requiredText(v.IDTRX, 'IDTRX'),
        channel_code: requiredText(v.MITRA, 'MITRA'),
        customer_id: requiredText(v.IDPEL, 'IDPEL'),
        period: billMonth(v.BLTH, BLTH, 'BLTH'),
        paid_at: timestamp(v.TGL_BAYAR, TGL_BAYAR, 'TGL_BAYAR'),
        amount: wholeRupiah(v.RPTAG, 'RPTAG'),
        penalty: wholeRupiah(v.DENDA, 'DENDA'),
        admin_fee: wholeRupiah(v.ADMIN, 'ADMIN'),
        status: ok('completed'),
      });
    });
  },

  // An aggregator reports for several partners in one file, so MITRA comes from each row's channel_code.
  write(rows) {
    const data = rows.map((r) => {
      if (r.status !== 'completed') throw new Error(`ppob reports carry completed payments only (${r.payment_ref} is ${r.status})`);
      return [
        r.payment_ref,
        r.channel_code,
        r.customer_id,
        writeBillMonth(r.period, BLTH),
        writeWholeRupiah(r.amount),
        writeWholeRupiah(r.penalty),
        writeWholeRupiah(r.admin_fee),
        writeTimestamp(r.paid_at, TGL_BAYAR),
      ].join(SEP);
    });
    return [COLUMNS.join(SEP), ...data, ''].join('\n');
  },
};
