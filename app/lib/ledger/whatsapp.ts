/**
 * The "WhatsApp" reminder link of a customer ledger: `https://wa.me/62…?text=…` with a short polite
 * reminder in Bahasa Indonesia stating the amount and the months. Only for a customer with a usable
 * Indonesian phone number; the page shows it only to roles with personal data.
 */
import { formatMonth, formatRupiahFull } from '../../i18n/format';

/**
 * An Indonesian number in the international form wa.me wants (digits only, `62…`), or null.
 * Accepts `0812-3456-7890`, `+62 812 3456 7890`, `62812…`, `812…`, with spaces, dashes, dots or brackets.
 */
export function whatsappNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  if (!/^\+?[\d\s\-.()]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  // an Indonesian subscriber number without the trunk 0: mobiles 8xx, landlines with an area code 2x–9x
  if (!/^[1-9]\d{7,11}$/.test(digits)) return null;
  return `62${digits}`;
}

export interface Reminder {
  name: string;
  customerId: string;
  /** whole rupiah of arrears */
  amount: number;
  /** the periods owed, `YYYY-MM`, oldest first */
  periods: readonly string[];
  utility: string;
}

/** `Januari 2024, Februari 2024 dan Maret 2024` */
function monthList(periods: readonly string[]): string {
  const names = periods.map((p) => formatMonth(p, 'id'));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}`;
}

export function reminderText(r: Reminder): string {
  const months = r.periods.length > 0 ? ` untuk rekening bulan ${monthList(r.periods)}` : '';
  return (
    `Yth. Bapak/Ibu ${r.name} (No. Pelanggan ${r.customerId}), ` +
    `dengan hormat kami ingatkan bahwa tagihan air sebesar ${formatRupiahFull(r.amount, 'id')}${months} belum terbayar. ` +
    `Mohon kiranya dapat segera dilunasi. Abaikan pesan ini bila sudah membayar. Terima kasih. – ${r.utility}`
  );
}

/** The wa.me link, or null when the phone is not a usable Indonesian number. */
export function whatsappLink(phone: string | null | undefined, reminder: Reminder): string | null {
  const number = whatsappNumber(phone);
  if (!number) return null;
  return `https://wa.me/${number}?text=${encodeURIComponent(reminderText(reminder))}`;
}
