import { describe, it, expect } from 'vitest';
import { adapterByFormat, detectAdapter, settlementAdapters } from '../../../etl/adapters/index';
import { headLines } from '../../../etl/adapters/lines';
import type { CanonicalPayment } from '../../../etl/adapters/types';

const samples: Record<string, string> = {
  'bank-h2h': [
    'H;BANK_BENGKULU;4501;05/03/2024',
    'D;BB1;0102030405;022024;05/03/2024 08:15:02;45.600,00;0,00;2.500,00',
    'T;1;45.600,00',
  ].join('\r\n'),
  ppob: [
    'IDTRX|KODE_LOKET|MITRA|IDPEL|BLTH|RPTAG|DENDA|ADMIN|TGL_BAYAR',
    'IDM1|TJ01|INDOMARET|0102030405|202402|45600|0|2500|2024-03-05 08:15:02',
  ].join('\n'),
  marketplace: [
    'order_id,order_time,channel,customer_number,bill_period,bill_amount,penalty,admin_fee,status',
    'A1,2024-03-05T08:15:02+07:00,SHOPEE,0102030405,2024-02,45600,0,2500,COMPLETED',
  ].join('\n'),
};

const notSettlementFiles: Record<string, string> = {
  'canonical payments.csv':
    'payment_ref,channel_code,customer_id,period,paid_at,amount,penalty,admin_fee\nP1,LOKET,0102030405,2024-02,2024-03-05T08:15:02,45600,0,0',
  'PPOB columns separated by commas': 'IDTRX,MITRA,IDPEL,BLTH,RPTAG,DENDA,ADMIN,TGL_BAYAR',
  'bank body without header': 'D;BB1;0102030405;022024;05/03/2024 08:15:02;45.600,00;0,00;2.500,00',
  'empty file': '',
};

const row: CanonicalPayment = {
  payment_ref: 'R1',
  channel_code: 'INDOMARET',
  customer_id: '0102030405',
  period: '2024-02',
  paid_at: '2024-03-05T08:15:02',
  amount: '45600',
  penalty: '0',
  admin_fee: '2500',
  status: 'completed',
};

function detectedBy(fileName: string, text: string): string[] {
  const first = headLines(text);
  return settlementAdapters.filter((a) => a.detect(fileName, first)).map((a) => a.format);
}

describe('settlement adapter registry', () => {
  it('lists each format once and finds it by id', () => {
    const formats = settlementAdapters.map((a) => a.format);
    expect(formats).toEqual(['bank-h2h', 'ppob', 'marketplace']);
    for (const f of formats) expect(adapterByFormat(f)?.format).toBe(f);
    expect(adapterByFormat('payments')).toBeUndefined();
  });

  it.each(Object.entries(samples))('detects %s, and only that adapter does', (format, text) => {
    expect(detectedBy('upload.txt', '\uFEFF' + text)).toEqual([format]);
    expect(detectAdapter('upload.txt', headLines(text))?.format).toBe(format);
  });

  it.each(Object.entries(notSettlementFiles))('detects no adapter for %s', (_name, text) => {
    expect(detectedBy('payments.csv', text)).toEqual([]);
    expect(detectAdapter('payments.csv', headLines(text))).toBeUndefined();
  });

  it('detects a PPOB report that lacks a column, so parse can name what is missing', () => {
    expect(detectedBy('ppob.txt', 'IDTRX|IDPEL|RPTAG')).toEqual(['ppob']);
  });

  it.each(settlementAdapters.map((a) => [a.format, a] as const))(
    '%s: whatever write() produces is detected as its own format and parses back',
    (_format, adapter) => {
      const text = adapter.write([row], 'INDOMARET');
      expect(detectedBy('out.txt', text)).toEqual([adapter.format]);
      expect(adapter.parse(text, 'out.txt')).toEqual([expect.objectContaining({ payment: row })]);
    },
  );
});
