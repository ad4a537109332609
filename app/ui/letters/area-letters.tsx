/**
 * Issued letters with their follow-up: what the listed customers owed on the letter's date and 30, 60
 * and 90 days after, and how many paid in full. For an area (a page's loader passes
 * `areaLetters(user, { area })`, app/lib/letters/area-letters.server.ts): each letter's recipient,
 * customers and total; for one customer (the ledger): what the letter listed for them.
 */
import { Link } from '@remix-run/react';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatDate, formatNumber, formatRupiahFull } from '~/i18n/format';
import type { FollowUpPoint } from '~/lib/letters/follow-up';
import { FollowUpList } from './follow-up-cells';

interface LetterRow {
  letter_id: number;
  batch_id: number;
  number: string;
  kind: string;
  issued_on: string;
  follow_up: readonly FollowUpPoint[];
}

export interface AreaLetterRow extends LetterRow {
  recipient: string;
  total_amount: number;
  lines: readonly unknown[];
}

/** a letter as the ledger shows it: the amount it listed for this customer */
export interface CustomerLetterRow extends LetterRow {
  amount: number;
}

type Props =
  | { letters: readonly AreaLetterRow[]; title?: string; customer?: undefined }
  | { letters: readonly CustomerLetterRow[]; title: string; customer: string };

export function AreaLetters(props: Props) {
  const t = useT();
  const lang = useLang();
  const area = props.customer === undefined;
  return (
    <section className="panel" aria-labelledby="area-letters-title" data-testid={area ? 'area-letters' : 'ledger-letters'}>
      <h2 id="area-letters-title">{props.title ?? t('letters.area.title')}</h2>
      {props.letters.length === 0 ? (
        <p className="muted">{area ? t('letters.empty') : t('ledger.noLetters')}</p>
      ) : (
        <div className="table-wrap">
          <table className="lt-list">
            <thead>
              <tr>
                <th scope="col">{t('letters.col.number')}</th>
                <th scope="col">{t('letters.col.date')}</th>
                <th scope="col">{t('letters.col.kind')}</th>
                {area ? <th scope="col">{t('letters.col.recipient')}</th> : null}
                {area ? <th scope="col">{t('letters.col.customers')}</th> : null}
                <th scope="col">{t('letters.col.amount')}</th>
                <th scope="col">{t('letters.followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {props.letters.map((l: AreaLetterRow | CustomerLetterRow) => (
                <tr key={l.letter_id} data-letter={l.number}>
                  <th scope="row">
                    <Link to={`/print/letters/${l.batch_id}`}>{l.number}</Link>
                  </th>
                  <td>{formatDate(l.issued_on, lang, 'short')}</td>
                  <td>{t(`letters.kind.${l.kind}` as MessageKey)}</td>
                  {'lines' in l ? <td>{l.recipient || t('table.missing')}</td> : null}
                  {'lines' in l ? <td className="num">{formatNumber(l.lines.length, lang)}</td> : null}
                  <td className="num">{formatRupiahFull('lines' in l ? l.total_amount : l.amount, lang)}</td>
                  <td>
                    <FollowUpList points={l.follow_up} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
