/** The arrears reduction target in words: what it is, and whether the trend reaches it. */
import { formatDate, formatDecimal, formatMonth, formatRupiahCompact } from '~/i18n/format';
import type { FigureProps } from './types';

export function TargetText({ o, t, lang }: FigureProps) {
  const target = o.target;
  if (!target) return <p className="ov-target muted">{t('overview.target.none')}</p>;
  const c = (n: number | null) => (n === null ? '–' : formatRupiahCompact(n, lang));
  const heading = t('overview.target.heading', {
    percent: formatDecimal(target.percent, lang, target.percent % 1 === 0 ? 0 : 1),
    baseMonth: formatMonth(target.base_month, lang),
    base: c(target.base_arrears),
    target: c(target.target_arrears),
    byDate: formatDate(target.by_date, lang),
  });
  const vars = {
    slope: target.slope_per_month === null ? '–' : formatRupiahCompact(target.slope_per_month, lang, { signed: true }),
    projected: c(target.projected),
    targetMonth: formatMonth(target.target_month, lang),
    gap: target.gap === null ? '–' : formatRupiahCompact(Math.abs(target.gap), lang),
  };
  let verdict: string;
  switch (target.status) {
    case 'on_track':
      verdict = t('overview.target.onTrack', vars);
      break;
    case 'off_track':
      verdict = `${t('overview.target.offTrack', vars)} ${
        target.reach_month ? t('overview.target.reach', { month: formatMonth(target.reach_month, lang) }) : t('overview.target.never')
      }`;
      break;
    case 'achieved':
      verdict = t('overview.target.achieved', vars);
      break;
    case 'missed':
      verdict = t('overview.target.missed', vars);
      break;
    default:
      verdict = t('overview.target.noData', { month: formatMonth(target.base_month, lang) });
  }
  return (
    <div className="ov-target">
      <p className="muted">{heading}</p>
      <p className={`ov-verdict ov-verdict-${target.status}`} data-testid="target-verdict">
        {verdict}
      </p>
    </div>
  );
}
