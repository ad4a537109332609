/** A warning when the month's figures disagree with each other (the movement's closing, the age buckets). */
import { formatRupiahFull } from '~/i18n/format';
import type { FigureProps } from './types';

export function FiguresCheck({ o, t, lang }: FigureProps) {
  const mismatch = o.checks.movement_closing_equals_total_arrears === false || !o.checks.age_buckets_add_up_to_total_arrears;
  if (!mismatch || !o.movement) return null;
  return (
    <p className="ov-alert" role="alert">
      {t('overview.check.mismatch', { closing: formatRupiahFull(o.movement.closing, lang), total: formatRupiahFull(o.total_arrears, lang) })}
    </p>
  );
}
