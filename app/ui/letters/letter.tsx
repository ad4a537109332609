/**
 * One letter on one A4 page in the Indonesian official layout: the kop (logo, the utility's name and
 * address, a rule), Nomor / Sifat / Lampiran / Perihal beside the place and date, "Kepada Yth. … di –
 * Tempat", the body with its list of bills or customers, and the signature block (a.n. Direksi,
 * jabatan, underlined name, NIP/NIK).
 */
import { formatDate, formatMonth, formatRupiahFull } from '~/i18n/format';
import type { LetterKind } from '~/lib/letters/compose';
import type { LetterHeader } from '~/lib/letters/issue.server';
import { closingParagraphs, monthsText, openingParagraph, sifatOf, subjectOf, type LetterFacts } from '~/lib/letters/wording';
import type { IssuedLetter } from '../../../etl/store/letters';
import { Letterhead } from '~/ui/letterhead';

export function Letter({ letter, header, asOfDay, minBills }: { letter: IssuedLetter; header: LetterHeader; asOfDay: string; minBills: number }) {
  const kind = letter.kind as LetterKind;
  const area = kind === 'camat' || kind === 'kepala-desa';
  const facts: LetterFacts = {
    kind,
    recipient: letter.recipient,
    recipient_place: letter.recipient_place,
    as_of_day: asOfDay,
    deadline: letter.deadline,
    total_amount: letter.total_amount,
    total_customers: letter.total_customers,
    listed: letter.lines.length,
    min_bills: minBills,
    utility_name: header.utility_name,
    customer_id: letter.customer_id,
  };
  const line = letter.lines[0];
  return (
    <article className="letter" data-number={letter.number} aria-label={letter.number}>
      <Letterhead kop={header} prefix="letter" />
      <div className="letter-meta">
        <table className="letter-fields">
          <tbody>
            <tr>
              <th scope="row">Nomor</th>
              <td>: {letter.number}</td>
            </tr>
            <tr>
              <th scope="row">Sifat</th>
              <td>: {sifatOf(kind)}</td>
            </tr>
            <tr>
              <th scope="row">Lampiran</th>
              <td>: -</td>
            </tr>
            <tr>
              <th scope="row">Perihal</th>
              <td>
                : <strong>{subjectOf(kind)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="letter-date">
          {header.city}, {formatDate(letter.issued_on, 'id')}
        </p>
      </div>
      <div className="letter-to">
        <p>Kepada Yth.</p>
        <p>
          <strong>{letter.recipient}</strong>
        </p>
        {area ? null : <p>{letter.recipient_place}</p>}
        <p>di –</p>
        <p className="letter-tempat">Tempat</p>
      </div>
      <div className="letter-body">
        <p>{openingParagraph(facts)}</p>
        {area ? (
          <table className="letter-list">
            <thead>
              <tr>
                <th scope="col">No</th>
                <th scope="col">No. Pel.</th>
                <th scope="col">Nama</th>
                <th scope="col">Alamat</th>
                <th scope="col">Bulan</th>
                <th scope="col">Jumlah</th>
              </tr>
            </thead>
            <tbody>
              {letter.lines.map((l, i) => (
                <tr key={l.customer_id}>
                  <td>{i + 1}</td>
                  <td>{l.customer_id}</td>
                  <td>{l.name}</td>
                  <td>{l.address}</td>
                  <td>{monthsText(l.bills.map((b) => b.period), l.opening)}</td>
                  <td className="num">{formatRupiahFull(l.amount, 'id')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : line ? (
          <table className="letter-list">
            <thead>
              <tr>
                <th scope="col">No</th>
                <th scope="col">Rekening bulan</th>
                <th scope="col">Jumlah</th>
              </tr>
            </thead>
            <tbody>
              {line.opening > 0 ? (
                <tr>
                  <td>1</td>
                  <td>Tunggakan lama (sebelum tagihan digital)</td>
                  <td className="num">{formatRupiahFull(line.opening, 'id')}</td>
                </tr>
              ) : null}
              {line.bills.map((b, i) => (
                <tr key={b.period}>
                  <td>{i + 1 + (line.opening > 0 ? 1 : 0)}</td>
                  <td>{formatMonth(b.period, 'id')}</td>
                  <td className="num">{formatRupiahFull(b.amount, 'id')}</td>
                </tr>
              ))}
              <tr className="letter-total">
                <td />
                <th scope="row">Jumlah (belum termasuk denda)</th>
                <td className="num">{formatRupiahFull(line.amount, 'id')}</td>
              </tr>
            </tbody>
          </table>
        ) : null}
        {closingParagraphs(facts).map((p) => (
          <p key={p.slice(0, 24)}>{p}</p>
        ))}
      </div>
      <div className="letter-sign">
        <p>{header.on_behalf}</p>
        <p>{header.signer_title}</p>
        <p className="letter-sign-space" aria-hidden="true" />
        <p className="letter-signer">{header.signer_name}</p>
        {header.signer_id ? <p>NIP/NIK. {header.signer_id}</p> : null}
      </div>
    </article>
  );
}
