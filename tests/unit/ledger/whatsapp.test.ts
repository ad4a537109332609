import { describe, expect, it } from 'vitest';
import { reminderText, whatsappLink, whatsappNumber } from '../../../app/lib/ledger/whatsapp';

describe('an Indonesian phone number for wa.me', () => {
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['62812 3456 789', '628123456789'],
    ['(0732) 21234', '6273221234'],
    ['812.3456.7890', '6281234567890'],
  ])('%s → %s', (phone, number) => expect(whatsappNumber(phone)).toBe(number));

  it.each([[''], [null], ['12345'], ['0812-ABC-7890'], ['+1 415 555 0100 000 00'], ['0000000000']])('no link for %s', (phone) =>
    expect(whatsappNumber(phone)).toBeNull(),
  );
});

describe('the reminder', () => {
  const reminder = { name: 'Siti Aminah', customerId: '0100000001', amount: 110_000, periods: ['2024-02', '2024-03'], utility: 'Perumdam Tirta Bukit Kaba' };

  it('states the amount and the months politely, in Indonesian', () => {
    expect(reminderText(reminder)).toBe(
      'Yth. Bapak/Ibu Siti Aminah (No. Pelanggan 0100000001), dengan hormat kami ingatkan bahwa tagihan air sebesar Rp110.000 ' +
        'untuk rekening bulan Februari 2024 dan Maret 2024 belum terbayar. Mohon kiranya dapat segera dilunasi. ' +
        'Abaikan pesan ini bila sudah membayar. Terima kasih. – Perumdam Tirta Bukit Kaba',
    );
  });

  it('is URL-encoded into the wa.me link (a name with & and # cannot break out of the text)', () => {
    const link = whatsappLink('0812-3456-7890', { ...reminder, name: 'A & B #1', periods: ['2024-01'] });
    expect(link?.startsWith('https://wa.me/6281234567890?text=')).toBe(true);
    const url = new URL(link ?? '');
    expect([...url.searchParams.keys()]).toEqual(['text']);
    expect(url.searchParams.get('text')).toContain('Bapak/Ibu A & B #1 (No.');
    expect(url.searchParams.get('text')).toContain('bulan Januari 2024 belum');
  });

  it('is no link without a phone', () => expect(whatsappLink(null, reminder)).toBeNull());
});
