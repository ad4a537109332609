/** The overview's title, its as-of month, the figures to download as JSON or CSV, and the month's report to print. */
import { Link } from '@remix-run/react';
import { formatMonth } from '~/i18n/format';
import type { FigureProps } from './types';

export function OverviewHeader({ o, t, lang }: FigureProps) {
  const month = o.as_of;
  const api = `/api/v1/overview?as_of=${month}`;
  return (
    <header className="ov-head">
      <div>
        <h1>{t('overview.title')}</h1>
        <p className="ov-sub">{t('overview.subtitle', { month: formatMonth(month, lang) })}</p>
      </div>
      <p className="ov-downloads">
        {t('overview.downloads')}{' '}
        <a href={api} download={`kaba-ringkasan-${month}.json`}>
          JSON
        </a>{' '}
        ·{' '}
        <a href={`${api}&format=csv`} download={`kaba-ringkasan-${month}.csv`}>
          CSV
        </a>{' '}
        · <Link to={`/print/monthly?bulan=${month}`}>{t('monthly.link')}</Link>
      </p>
    </header>
  );
}
