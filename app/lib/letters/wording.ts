/**
 * The wording of each kind of letter in Bahasa Indonesia (letters are official documents: they are
 * printed in Indonesian whatever the page's language): subject (Perihal), Sifat, and the paragraphs.
 */
import { formatDate, formatMonth, formatNumber, formatRupiahFull } from '../../i18n/format';
import type { LetterKind } from './compose';

export interface LetterFacts {
  kind: LetterKind;
  recipient: string;
  recipient_place: string;
  as_of_day: string;
  deadline: string | null;
  total_amount: number;
  total_customers: number;
  listed: number;
  min_bills: number;
  utility_name: string;
  customer_id: string | null;
}

export function subjectOf(kind: LetterKind): string {
  switch (kind) {
    case 'teguran-1':
      return 'Pemberitahuan Tunggakan Rekening Air (Teguran I)';
    case 'teguran-2':
      return 'Pemberitahuan Tunggakan Rekening Air (Teguran II)';
    case 'teguran-3':
      return 'Pemberitahuan Tunggakan Rekening Air (Teguran III / Terakhir)';
    case 'segel':
      return 'Pemberitahuan Penyegelan Sambungan Air';
    default:
      return 'Permohonan Dukungan Penagihan Tunggakan Rekening Air';
  }
}

export function sifatOf(kind: LetterKind): string {
  return kind === 'segel' || kind === 'teguran-3' ? 'Segera' : kind === 'camat' || kind === 'kepala-desa' ? 'Biasa' : 'Penting';
}

/** The paragraph before the list. */
export function openingParagraph(f: LetterFacts): string {
  const date = formatDate(f.as_of_day, 'id');
  if (f.kind === 'camat' || f.kind === 'kepala-desa') {
    const where = f.recipient_place;
    const listed = f.listed < f.total_customers ? ` Berikut ${formatNumber(f.listed, 'id')} pelanggan dengan tunggakan terbesar:` : ' Rinciannya sebagai berikut:';
    return (
      `Dengan hormat, bersama ini kami sampaikan bahwa sampai dengan tanggal ${date} di wilayah ${where} terdapat ` +
      `${formatNumber(f.total_customers, 'id')} pelanggan ${f.utility_name} yang menunggak ${formatNumber(f.min_bills, 'id')} bulan rekening atau lebih, ` +
      `dengan jumlah tunggakan ${formatRupiahFull(f.total_amount, 'id')} (belum termasuk denda).${listed}`
    );
  }
  return (
    `Dengan hormat, berdasarkan catatan kami, sampai dengan tanggal ${date} rekening air atas nama Bapak/Ibu ` +
    `dengan nomor pelanggan ${f.customer_id ?? ''} masih terdapat tunggakan sebagai berikut:`
  );
}

/** The paragraphs after the list. */
export function closingParagraphs(f: LetterFacts): string[] {
  const deadline = f.deadline ? formatDate(f.deadline, 'id') : '';
  const thanks = 'Atas perhatian dan kerja samanya kami ucapkan terima kasih.';
  switch (f.kind) {
    case 'teguran-1':
      return [
        `Jumlah tersebut belum termasuk denda. Kami mohon kiranya tunggakan tersebut dapat dilunasi paling lambat tanggal ${deadline} di loket ${f.utility_name} atau melalui kanal pembayaran resmi. Apabila Bapak/Ibu telah membayar, mohon abaikan surat ini.`,
        thanks,
      ];
    case 'teguran-2':
      return [
        `Jumlah tersebut belum termasuk denda. Surat ini merupakan teguran kedua. Kami mohon tunggakan tersebut dilunasi paling lambat tanggal ${deadline}; apabila tidak, kami terpaksa mengambil langkah penagihan sesuai ketentuan yang berlaku.`,
        thanks,
      ];
    case 'teguran-3':
      return [
        `Jumlah tersebut belum termasuk denda. Surat ini merupakan teguran ketiga dan terakhir. Apabila sampai dengan tanggal ${deadline} tunggakan tersebut belum dilunasi, sambungan air Bapak/Ibu akan disegel (ditutup sementara) tanpa pemberitahuan lebih lanjut.`,
        thanks,
      ];
    case 'segel':
      return [
        `Jumlah tersebut belum termasuk denda. Karena tunggakan tersebut telah memenuhi ketentuan penyegelan, petugas kami akan melakukan penyegelan sambungan air Bapak/Ibu setelah tanggal ${deadline} apabila belum dilunasi. Penyegelan dituangkan dalam berita acara; sambungan dibuka kembali setelah tunggakan, denda dan biaya segel dilunasi.`,
        thanks,
      ];
    default:
      return [
        'Sehubungan dengan hal tersebut, kami mohon dukungan Bapak/Ibu untuk menghimbau warga yang bersangkutan agar segera melunasi tunggakan rekening airnya, serta membantu petugas penagih kami di lapangan.',
        thanks,
      ];
  }
}

/** `3 bln (Feb 2024 – Apr 2024)` for an area letter's list. */
export function monthsText(periods: readonly string[], opening: number): string {
  const range = periods.length === 0 ? '' : periods.length === 1 ? formatMonth(periods[0], 'id', 'short') : `${formatMonth(periods[0], 'id', 'short')} – ${formatMonth(periods.at(-1) ?? '', 'id', 'short')}`;
  const count = `${formatNumber(periods.length, 'id')} bln`;
  const old = opening > 0 ? ' + tunggakan lama' : '';
  return periods.length > 0 ? `${count} (${range})${old}` : opening > 0 ? 'tunggakan lama' : '';
}
