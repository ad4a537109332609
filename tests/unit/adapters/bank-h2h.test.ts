import { describe, it, expect } from 'vitest';
import { bankH2h } from '../../../etl/adapters/bank-h2h';
import { FileRefusedError, type CanonicalPayment, type ParsedLine } from '../../../etl/adapters/types';

const HEADER = 'H;BANK_BENGKULU;4501;05/03/2024';
const TITLE = 'C;NO_REF;IDPEL;BLTH;TGL_BAYAR;POKOK;DENDA;ADMIN';
const ROW_1 = 'D;BB240305000001;0102030405;022024;05/03/2024 08:15:02;45.600,00;0,00;2.500,00';
const ROW_2 = 'D;BB240305000002;0011223344;;05/03/2024 09:01:45;1.234.567,00;10.000,00;2.500,00';

function file(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A one-row file whose principal is `amount`; the trailer totals only what should parse. */
function oneRow(amount: string, trailerTotal: string): ParsedLine {
  const rows = bankH2h.parse(
    file(HEADER, `D;R1;0102030405;022024;05/03/2024 08:15:02;${amount};0,00;2.500,00`, `T;1;${trailerTotal}`),
    'rekon.txt',
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

function refusal(text: string): string {
  try {
    bankH2h.parse(text, 'rekon.txt');
  } catch (e) {
    expect(e).toBeInstanceOf(FileRefusedError);
    return (e as Error).message;
  }
  throw new Error('file was not refused');
}

describe('bank-h2h parse', () => {
  it('maps data lines to canonical payments, channel from the header', () => {
    const rows = bankH2h.parse(file(HEADER, TITLE, ROW_1, ROW_2, 'T;2;1.280.167,00'), 'rekon.txt');
    expect(rows).toEqual([
      {
        line: 3,
        raw: ROW_1,
        payment: {
          payment_ref: 'BB240305000001',
          channel_code: 'BANK_BENGKULU',
          customer_id: '0102030405',
          period: '2024-02',
          paid_at: '2024-03-05T08:15:02',
          amount: '45600',
          penalty: '0',
          admin_fee: '2500',
          status: 'completed',
        },
      },
      {
        line: 4,
        raw: ROW_2,
        payment: {
          payment_ref: 'BB240305000002',
          channel_code: 'BANK_BENGKULU',
          customer_id: '0011223344',
          period: '',
          paid_at: '2024-03-05T09:01:45',
          amount: '1234567',
          penalty: '10000',
          admin_fee: '2500',
          status: 'completed',
        },
      },
    ]);
  });

  it('reads without the optional column-title line', () => {
    const rows = bankH2h.parse(file(HEADER, ROW_1, 'T;1;45.600,00'), 'rekon.txt');
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect('payment' in rows[0]).toBe(true);
  });

  it('tolerates BOM and CRLF, skips blank lines, keeps physical line numbers and raw text', () => {
    const text = '\uFEFF' + [HEADER, '', TITLE, ROW_1, '   ', '', ROW_2, 'T;2;1.280.167,00', ''].join('\r\n');
    const rows = bankH2h.parse(text, 'rekon.txt');
    expect(rows.map((r) => [r.line, r.raw])).toEqual([
      [4, ROW_1],
      [7, ROW_2],
    ]);
  });

  describe('Indonesian amounts', () => {
    it('reads 1.234.567,00 as 1234567', () => {
      const r = oneRow('1.234.567,00', '1.234.567,00');
      expect('payment' in r && r.payment.amount).toBe('1234567');
    });

    it('rejects sen, letters and negatives with the parser reason', () => {
      expect(oneRow('1.234.567,50', '0,00')).toMatchObject({ line: 2, reason: expect.stringContaining('amount has sen (1.234.567,50)') });
      expect(oneRow('12a,00', '0,00')).toMatchObject({
        reason: 'amount is not an amount in Indonesian notation (12a,00)',
      });
      expect(oneRow('-45.600,00', '0,00')).toMatchObject({ reason: 'amount is negative (-45.600,00)' });
    });

    it('rejects a bad penalty or admin fee too, listing every problem of the line', () => {
      const [r] = bankH2h.parse(
        file(HEADER, 'D;R1;0102030405;022024;05/03/2024 08:15:02;45.600,00;x;-1', 'T;1;45.600,00'),
        'rekon.txt',
      );
      expect(r).toMatchObject({
        reason: 'penalty is not an amount in Indonesian notation (x); admin_fee is negative (-1)',
      });
    });
  });

  it('rejects bad bill months, times and empty identifiers per line', () => {
    const rows = bankH2h.parse(
      file(
        HEADER,
        'D;R1;0102030405;132024;05/03/2024 08:15:02;1,00;0,00;0,00',
        'D;R2;0102030405;202402;05/03/2024 08:15:02;1,00;0,00;0,00',
        'D;R3;0102030405;022024;2024-03-05 08:15:02;1,00;0,00;0,00',
        'D;R4;0102030405;022024;30/02/2024 08:15:02;1,00;0,00;0,00',
        'D;;  ;022024;05/03/2024 08:15:02;1,00;0,00;0,00',
        'T;5;5,00',
      ),
      'rekon.txt',
    );
    expect(rows.map((r) => ('reason' in r ? r.reason : 'ok'))).toEqual([
      'period is not a bill month MMyyyy (132024)',
      'period is not a bill month MMyyyy (202402)',
      'paid_at is not dd/MM/yyyy HH:mm:ss (2024-03-05 08:15:02)',
      'paid_at is not a valid date and time (30/02/2024 08:15:02)',
      'payment_ref is empty; customer_id is empty',
    ]);
  });

  it('rejects body lines that are not well-shaped data lines, each once', () => {
    const rows = bankH2h.parse(
      file(HEADER, ROW_1, 'X;something else', 'D;R9;0102030405;022024', 'T;3;45.600,00'),
      'rekon.txt',
    );
    expect(rows).toEqual([
      expect.objectContaining({ line: 2 }),
      { line: 3, raw: 'X;something else', reason: "not a data line: starts with 'X', expected D" },
      { line: 4, raw: 'D;R9;0102030405;022024', reason: 'data line has 4 fields, expected 8' },
    ]);
  });

  describe('header and trailer', () => {
    it('refuses a file without a trailer', () => {
      expect(refusal(file(HEADER, ROW_1))).toMatch(/^trailer missing/);
      expect(refusal(file(HEADER))).toMatch(/^trailer missing/);
    });

    it('refuses a row count that does not match, naming both numbers', () => {
      expect(refusal(file(HEADER, ROW_1, ROW_2, 'T;3;1.280.167,00'))).toBe(
        'trailer row count does not match: trailer says 3, the file has 2 data lines',
      );
    });

    it('refuses a total that does not match, naming both totals', () => {
      expect(refusal(file(HEADER, ROW_1, ROW_2, 'T;2;1.280.000,00'))).toBe(
        'trailer total does not match: trailer says 1.280.000,00, the principal amounts of the data lines sum to 1.280.167,00',
      );
    });

    it('totals only principals that parse: a bad amount is a line reject, not a trailer failure', () => {
      const bad = 'D;R3;0102030405;022024;05/03/2024 08:15:02;12a;0,00;0,00';
      const rows = bankH2h.parse(file(HEADER, ROW_1, bad, 'T;2;45.600,00'), 'rekon.txt');
      expect(rows[1]).toEqual({ line: 3, raw: bad, reason: 'amount is not an amount in Indonesian notation (12a)' });
      expect(() => bankH2h.parse(file(HEADER, ROW_1, bad, 'T;2;45.612,00'), 'rekon.txt')).toThrow(FileRefusedError);
    });

    it('counts the principal of a line rejected for another field', () => {
      const badTime = 'D;R3;0102030405;022024;kemarin;100,00;0,00;0,00';
      const rows = bankH2h.parse(file(HEADER, ROW_1, badTime, 'T;2;45.700,00'), 'rekon.txt');
      expect(rows[1]).toMatchObject({ reason: 'paid_at is not dd/MM/yyyy HH:mm:ss (kemarin)' });
    });

    it('refuses a missing or malformed header', () => {
      expect(refusal(file(ROW_1, 'T;1;45.600,00'))).toMatch(/^header missing: line 1 should be H;/);
      expect(refusal(file('H;;4501;05/03/2024', ROW_1, 'T;1;45.600,00'))).toMatch(/names no channel code/);
      expect(refusal(file('H;BANK_BENGKULU;4501;31/02/2024', ROW_1, 'T;1;45.600,00'))).toMatch(
        /settlement date is not dd\/MM\/yyyy \(31\/02\/2024\)/,
      );
      expect(refusal('')).toMatch(/^file is empty/);
    });

    it('refuses a malformed trailer and two files joined together', () => {
      expect(refusal(file(HEADER, ROW_1, 'T;1'))).toMatch(/^trailer \(line 3\) should be T;<row count>;<total principal>/);
      expect(refusal(file(HEADER, ROW_1, 'T;satu;45.600,00'))).toBe('trailer row count is not a number (satu)');
      expect(refusal(file(HEADER, ROW_1, 'T;1;abc'))).toMatch(/^trailer total is not an amount/);
      expect(refusal(file(HEADER, ROW_1, 'T;1;45.600,00', HEADER, ROW_2, 'T;1;1.234.567,00'))).toBe(
        'line 3 is a trailer in the middle of the file (two files joined?)',
      );
      expect(refusal(file(HEADER, ROW_1, HEADER, 'T;1;45.600,00'))).toBe(
        'line 3 is a header in the middle of the file (two files joined?)',
      );
    });
  });
});

describe('bank-h2h write', () => {
  const rows: CanonicalPayment[] = [
    {
      payment_ref: 'BB1',
      channel_code: 'BANK_BENGKULU',
      customer_id: '0102030405',
      period: '2024-02',
      paid_at: '2024-03-05T08:15:02',
      amount: '45600',
      penalty: '5000',
      admin_fee: '2500',
      status: 'completed',
    },
    {
      payment_ref: 'BB2',
      channel_code: 'BANK_BENGKULU',
      customer_id: '0011223344',
      period: '',
      paid_at: '2024-03-06T23:59:59',
      amount: '1234567',
      penalty: '0',
      admin_fee: '0',
      status: 'completed',
    },
  ];

  it('round-trips: parse(write(rows)) gives the rows back', () => {
    const parsed = bankH2h.parse(bankH2h.write(rows, 'BANK_BENGKULU'), 'rekon.txt');
    expect(parsed.map((r) => ('payment' in r ? r.payment : r.reason))).toEqual(rows);
  });

  it('writes header, title, Indonesian amounts and a trailer', () => {
    expect(bankH2h.write(rows, 'BANK_BENGKULU').split('\r\n')).toEqual([
      'H;BANK_BENGKULU;PDAM;06/03/2024',
      TITLE,
      'D;BB1;0102030405;022024;05/03/2024 08:15:02;45.600,00;5.000,00;2.500,00',
      'D;BB2;0011223344;;06/03/2024 23:59:59;1.234.567,00;0,00;0,00',
      'T;2;1.280.167,00',
      '',
    ]);
  });

  it('writes bad fields verbatim; the trailer counts every row but totals good amounts only', () => {
    const bad = [rows[0], { ...rows[1], amount: '-500', paid_at: 'kemarin' }];
    const text = bankH2h.write(bad, 'BANK_BENGKULU');
    expect(text).toContain('D;BB2;0011223344;;kemarin;-500;0,00;0,00');
    expect(text).toContain('T;2;45.600,00');
    const parsed = bankH2h.parse(text, 'rekon.txt');
    expect(parsed[1]).toMatchObject({
      reason: 'paid_at is not dd/MM/yyyy HH:mm:ss (kemarin); amount is negative (-500)',
    });
  });

  it('refuses rows it cannot represent', () => {
    expect(() => bankH2h.write([{ ...rows[0], status: 'refunded' }], 'BANK_BENGKULU')).toThrow(/completed payments only/);
    expect(() => bankH2h.write(rows, 'BANK_BRI')).toThrow(/one channel/);
  });
});
