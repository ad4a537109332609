import { describe, it, expect } from 'vitest';
import { ppob } from '../../../etl/adapters/ppob';
import { FileRefusedError, type CanonicalPayment } from '../../../etl/adapters/types';

const HEADER = 'IDTRX|KODE_LOKET|MITRA|IDPEL|NAMA|BLTH|RPTAG|DENDA|ADMIN|TGL_BAYAR';
const ROW_1 = 'IDM240305000123|TJ01-CURUP|INDOMARET|0102030405|SITI AMINAH|202402|45600|5000|2500|2024-03-05 08:15:02';
const ROW_2 = 'FP240305000124|FP-0042|FASTPAY|0011223344|BUDI|202401|81200|0|2500|2024-03-05 19:01:45';

function file(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function reasons(text: string): string[] {
  return ppob.parse(text, 'ppob.txt').map((r) => ('reason' in r ? r.reason : 'ok'));
}

describe('ppob parse', () => {
  it('maps the PPOB fields to canonical payments by column name', () => {
    expect(ppob.parse(file(HEADER, ROW_1, ROW_2), 'ppob.txt')).toEqual([
      {
        line: 2,
        raw: ROW_1,
        payment: {
          payment_ref: 'IDM240305000123',
          channel_code: 'INDOMARET',
          customer_id: '0102030405',
          period: '2024-02',
          paid_at: '2024-03-05T08:15:02',
          amount: '45600',
          penalty: '5000',
          admin_fee: '2500',
          status: 'completed',
        },
      },
      {
        line: 3,
        raw: ROW_2,
        payment: {
          payment_ref: 'FP240305000124',
          channel_code: 'FASTPAY',
          customer_id: '0011223344',
          period: '2024-01',
          paid_at: '2024-03-05T19:01:45',
          amount: '81200',
          penalty: '0',
          admin_fee: '2500',
          status: 'completed',
        },
      },
    ]);
  });

  it('finds columns whatever their order and case', () => {
    const [r] = ppob.parse(
      file('tgl_bayar|admin|denda|rptag|blth|idpel|mitra|idtrx', '2024-03-05 08:15:02|2500|0|45600||0102030405|FASTPAY|T1'),
      'ppob.txt',
    );
    expect(r).toMatchObject({ payment: { payment_ref: 'T1', channel_code: 'FASTPAY', period: '', amount: '45600' } });
  });

  it('refuses a file missing required columns, listing them', () => {
    const header = 'IDTRX|KODE_LOKET|MITRA|IDPEL|BLTH|RPTAG|TGL_BAYAR';
    expect(() => ppob.parse(file(header), 'ppob.txt')).toThrow(FileRefusedError);
    expect(() => ppob.parse(file(header), 'ppob.txt')).toThrow('header lacks the required columns DENDA, ADMIN');
    expect(() => ppob.parse(file(`${HEADER}|IDPEL`), 'ppob.txt')).toThrow('header names the columns IDPEL more than once');
    expect(() => ppob.parse('\n\n', 'ppob.txt')).toThrow(/^file is empty/);
  });

  it('reads amounts as plain integers only', () => {
    const row = (rptag: string) => `T1|L1|FASTPAY|0102030405|X|202402|${rptag}|0|2500|2024-03-05 08:15:02`;
    expect(reasons(file(HEADER, row('45.600'), row('-500'), row('12a'), row('')))).toEqual([
      'RPTAG is not a whole number of rupiah (45.600)',
      'RPTAG is negative (-500)',
      'RPTAG is not a whole number of rupiah (12a)',
      'RPTAG is empty',
    ]);
  });

  it('rejects bad BLTH, TGL_BAYAR and field counts per line, naming the column', () => {
    expect(
      reasons(
        file(
          HEADER,
          'T1|L1|FASTPAY|0102030405|X|2024-02|45600|0|2500|2024-03-05 08:15:02',
          'T2|L1|FASTPAY|0102030405|X|202413|45600|0|2500|2024-03-05 08:15:02',
          'T3|L1|FASTPAY|0102030405|X|202402|45600|0|2500|05/03/2024 08:15:02',
          'T4|L1||0102030405|X|202402|45600|0|2500|2024-03-05 25:15:02',
          'T5|L1|FASTPAY|0102030405|X|202402|45600|0|2500',
        ),
      ),
    ).toEqual([
      'BLTH is not a bill month yyyyMM (2024-02)',
      'BLTH is not a bill month yyyyMM (202413)',
      'TGL_BAYAR is not yyyy-MM-dd HH:mm:ss (05/03/2024 08:15:02)',
      'MITRA is empty; TGL_BAYAR is not a valid date and time (2024-03-05 25:15:02)',
      'line has 9 fields, the header has 10',
    ]);
  });

  it('tolerates BOM and CRLF, skips blank lines, keeps line numbers and raw text', () => {
    const rows = ppob.parse('\uFEFF' + [HEADER, ROW_1, '', ROW_2, ''].join('\r\n'), 'ppob.txt');
    expect(rows.map((r) => [r.line, r.raw])).toEqual([
      [2, ROW_1],
      [4, ROW_2],
    ]);
  });
});

describe('ppob write', () => {
  const rows: CanonicalPayment[] = [
    {
      payment_ref: 'IDM1',
      channel_code: 'INDOMARET',
      customer_id: '0102030405',
      period: '2024-02',
      paid_at: '2024-03-05T08:15:02',
      amount: '45600',
      penalty: '5000',
      admin_fee: '2500',
      status: 'completed',
    },
    {
      payment_ref: 'FP1',
      channel_code: 'FASTPAY',
      customer_id: '0011223344',
      period: '',
      paid_at: '2024-03-05T19:01:45',
      amount: '81200',
      penalty: '0',
      admin_fee: '2500',
      status: 'completed',
    },
  ];

  it('round-trips, each row keeping its own partner', () => {
    const text = ppob.write(rows, 'INDOMARET');
    expect(text.split('\n')[2]).toBe('FP1|FASTPAY|0011223344||81200|0|2500|2024-03-05 19:01:45');
    expect(ppob.parse(text, 'ppob.txt').map((r) => ('payment' in r ? r.payment : r.reason))).toEqual(rows);
  });

  it('writes bad fields verbatim so that they come back as rejects', () => {
    const text = ppob.write([{ ...rows[0], amount: '-500', period: '2024-13' }], 'INDOMARET');
    expect(text.split('\n')[1]).toBe('IDM1|INDOMARET|0102030405|2024-13|-500|5000|2500|2024-03-05 08:15:02');
    expect(reasons(text)).toEqual(['BLTH is not a bill month yyyyMM (2024-13); RPTAG is negative (-500)']);
  });

  it('refuses rows that are not completed payments', () => {
    expect(() => ppob.write([{ ...rows[0], status: 'cancelled' }], 'INDOMARET')).toThrow(/completed payments only/);
  });
});
