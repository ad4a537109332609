/** Parameters that several tables read from their page's URL, checked the same way for each. */
import { monthEnd } from '../../../etl/domain/period';
import { t, type Lang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { AS_OF_PARAM } from '../as-of';
import { warehouseFreshness } from '../warehouse.server';
import { BadParam } from './define.server';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The as-of month (`bulan=YYYY-MM`, default the last complete month); one the warehouse has no figures for is refused. */
export async function asOfMonthParam(params: URLSearchParams): Promise<string> {
  const requested = params.get(AS_OF_PARAM);
  if (requested !== null && !PERIOD.test(requested)) throw new BadParam(AS_OF_PARAM, `${AS_OF_PARAM} must be a month YYYY-MM`);
  const freshness = await warehouseFreshness();
  const month = requested ?? freshness.lastCompleteMonth;
  if (!month || !freshness.months.includes(month)) throw new BadParam(AS_OF_PARAM, `the warehouse has no figures for ${AS_OF_PARAM}=${month ?? ''}`);
  return month;
}

/** `Per 30 Juni 2025`: the as-of line of an export's title rows. */
export function asOfDetail(month: string, lang: Lang): string {
  return t(lang, 'table.asOf', { date: formatDate(monthEnd(month), lang) });
}
