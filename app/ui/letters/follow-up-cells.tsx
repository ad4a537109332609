/** A letter's follow-up as short cells: arrears and how many paid in full, on day 0, 30, 60, 90. */
import { useLang, useT } from '~/i18n';
import { formatNumber, formatRupiahFull } from '~/i18n/format';
import type { FollowUpPoint } from '~/lib/letters/follow-up';

export function FollowUpList({ points }: { points: readonly FollowUpPoint[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="lt-follow">
      {points.map((p) => (
        <li key={p.offset} data-offset={p.offset} data-arrears={p.arrears ?? ''}>
          <span className="lt-follow-day">{t('letters.followUp.day', { days: p.offset })}</span>{' '}
          {p.arrears === null ? (
            <span className="muted">{t('letters.followUp.none')}</span>
          ) : (
            <>
              {formatRupiahFull(p.arrears, lang)} · {t('letters.followUp.paid', { count: formatNumber(p.paid_in_full ?? 0, lang) })}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
