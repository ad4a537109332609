/** The sealing policy in words, generated from the setting so the page never says something else. */
import type { SealingPolicy } from '../../../etl/domain/sealing';
import { t, type Lang } from '../../i18n';
import { formatNumber, formatRupiahFull } from '../../i18n/format';

export function sealingPolicyText(policy: SealingPolicy, lang: Lang): string {
  const parts = [t(lang, 'sealing.policy.base', { bills: formatNumber(policy.min_bills, lang) })];
  if (policy.min_oldest_months > 0) parts.push(t(lang, 'sealing.policy.months', { months: formatNumber(policy.min_oldest_months, lang) }));
  if (policy.min_amount > 0) parts.push(t(lang, 'sealing.policy.amount', { amount: formatRupiahFull(policy.min_amount, lang) }));
  const and = lang === 'id' ? ' dan ' : ' and ';
  return `${parts.length > 1 ? `${parts.slice(0, -1).join(', ')}${and}${parts.at(-1)}` : parts[0]}.`;
}
