/** Small text rules the overview's cards and tables share. */
import { formatPercent, type Lang } from '~/i18n/format';

/** A signed change ratio, `+3,3%`; '–' when there was nothing to compare with. */
export const ratioText = (r: number | null, lang: Lang): string => (r === null ? '–' : formatPercent(r, lang, 1, { signed: true }));

/** part ÷ whole as a percentage; '–' when the whole is zero. */
export const share = (part: number, whole: number, lang: Lang): string => (whole > 0 ? formatPercent(part / whole, lang, 1) : '–');
