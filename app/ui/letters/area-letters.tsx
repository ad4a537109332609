/**
 * The issued letters of an area with their follow-up: what the listed customers owed on the letter's
 * date and 30, 60 and 90 days after, and how many paid in full. Self-contained: a page's loader passes
 * `areaLetters(user, { area })` (app/lib/letters/area-letters.server.ts) and places <AreaLetters/>.
 */
import { Link } from '@remix-run/react';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatDate, formatNumber, formatRupiahFull } from '~/i18n/format';
import type { FollowUpPoint } from '~/lib/letters/follow-up';
import { FollowUpList } from './follow-up-cells';

export interface AreaLetterRow {
  letter_id: number;
  batch_id: number;
  number: string;
  kind: string;
  issued_on: string;
  recipient: string;
  total_amount: number;
  total_customers: number;
  lines: readonly unknown[];
  follow_up: readonly FollowUpPoint[];
}

export function AreaLetters({ letters, title }: { letters: readonly AreaLetterRow[]; title?: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="panel" aria-labelledby="area-letters-title" data-testid="area-letters">
      <h2 id="area-letters-title">{title ?? t('letters.area.title')}</h2>
      {letters.length === 0 ? (
        <p className="muted">{t('letters.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="lt-list">
            <thead>
              <tr>
                <th scope="col">{t('letters.col.number')}</th>
                <th scope="col">{t('letters.col.date')}</th>
                <th scope="col">{t('letters.col.kind')}</th>
                <th scope="col">{t('letters.col.recipient')}</th>
                <th scope="col">{t('letters.col.customers')}</th>
                <th scope="col">{t('letters.col.amount')}</th>
                <th scope="col">{t('letters.followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((l) => (
                <tr key={l.letter_id} data-letter={l.number}>
                  <th scope="row">
                    <Link to={`/print/letters/${l.batch_id}`}>{l.number}</Link>
                  </th>
                  <td>{formatDate(l.issued_on, lang, 'short')}</td>
                  <td>{t(`letters.kind.${l.kind}` as MessageKey)}</td>
                  <td>{l.recipient || t('table.missing')}</td>
                  <td className="num">{formatNumber(l.lines.length, lang)}</td>
                  <td className="num">{formatRupiahFull(l.total_amount, lang)}</td>
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
