/**
 * The directors' monthly report in a few sentences, written from the overview's figures: the arrears
 * and their change, the month's movement, the reduction target, collection effectiveness and the
 * kecamatan that moved most. Pure: figures and a language in, sentences out; every number through
 * app/i18n/format.ts and every word from the messages (app/i18n/messages/monthly.ts).
 */
import { CURRENT_ARREARS_MAX_MONTHS } from '../../../etl/domain/kpi';
import { t, type Lang, type MessageKey, type MessageVars } from '../../i18n';
import { formatDate, formatDecimal, formatMonth, formatNumber, formatPercent, formatRupiahCompact } from '../../i18n/format';
import { largestChanges, type KecamatanChange } from './kecamatan-change';
import type { OverviewView } from './page.server';

export type SummaryFigures = Pick<
  OverviewView,
  'as_of' | 'total_arrears' | 'customers_in_arrears' | 'legacy_arrears' | 'vs_previous_month' | 'vs_start_of_year' | 'target' | 'collection_effectiveness' | 'movement'
>;

export interface SummarySentence {
  /** what the sentence is about (tests and the page's data-sentence) */
  topic: 'arrears' | 'year' | 'movement' | 'target' | 'effectiveness' | 'kecamatan';
  text: string;
}

const money = (n: number, lang: Lang) => formatRupiahCompact(n, lang);
const signedPercent = (ratio: number, lang: Lang) => formatPercent(ratio, lang, 1, { signed: true });

/** `Rp87,9 jt (-0,6%)`: the size of a change and, when there was something to compare with, its ratio. */
function changeText(delta: number, ratio: number | null, lang: Lang): string {
  const size = money(Math.abs(delta), lang);
  return ratio === null ? size : `${size} (${signedPercent(ratio, lang)})`;
}

type Direction = 'down' | 'up' | 'flat';
const directionOf = (delta: number): Direction => (delta < 0 ? 'down' : delta > 0 ? 'up' : 'flat');

function arrearsSentence(o: SummaryFigures, lang: Lang): string {
  const vars = { total: money(o.total_arrears, lang), customers: formatNumber(o.customers_in_arrears, lang), month: formatMonth(o.as_of, lang) };
  const c = o.vs_previous_month;
  if (!c) return t(lang, 'monthly.s.arrears.only', vars);
  const key: MessageKey = `monthly.s.arrears.${directionOf(c.delta)}`;
  return t(lang, key, { ...vars, change: changeText(c.delta, c.ratio, lang), previous: formatMonth(c.month, lang) });
}

function yearSentence(o: SummaryFigures, lang: Lang): string | null {
  const c = o.vs_start_of_year;
  // in January the start of the year is the previous month: the first sentence said it
  if (!c || c.month === o.vs_previous_month?.month) return null;
  const legacy = o.total_arrears > 0 ? formatPercent(o.legacy_arrears / o.total_arrears, lang) : '–';
  return t(lang, `monthly.s.year.${directionOf(c.delta)}`, {
    year: o.as_of.slice(0, 4),
    change: changeText(c.delta, c.ratio, lang),
    legacy: money(o.legacy_arrears, lang),
    share: legacy,
    months: formatNumber(CURRENT_ARREARS_MAX_MONTHS, lang),
  });
}

function movementSentence(o: SummaryFigures, lang: Lang): string | null {
  const m = o.movement;
  if (!m) return null;
  const vars = { month: formatMonth(o.as_of, lang), recovered: money(m.recovered, lang), newly: money(m.newly_overdue, lang), writtenOff: money(m.written_off, lang) };
  return t(lang, m.written_off > 0 ? 'monthly.s.movement.writtenOff' : 'monthly.s.movement', vars);
}

function targetSentence(o: SummaryFigures, lang: Lang): string {
  const target = o.target;
  if (!target) return t(lang, 'monthly.s.target.none');
  const amount = (n: number | null) => (n === null ? '–' : money(n, lang));
  const vars: MessageVars = {
    target: amount(target.target_arrears),
    percent: formatDecimal(target.percent, lang, target.percent % 1 === 0 ? 0 : 1),
    byDate: formatDate(target.by_date, lang),
    projected: amount(target.projected),
    gap: target.gap === null ? '–' : money(Math.abs(target.gap), lang),
    baseMonth: formatMonth(target.base_month, lang),
  };
  return t(lang, `monthly.s.target.${target.status}`, vars);
}

function effectivenessSentence(o: SummaryFigures, lang: Lang): string {
  const ce = o.collection_effectiveness;
  const period = { from: formatMonth(ce.from.slice(0, 7), lang, 'short'), to: formatMonth(ce.to.slice(0, 7), lang, 'short') };
  const own = ce.own_bills;
  const all = ce.all_receipts;
  if (own.ratio === null || all.ratio === null) return t(lang, 'monthly.s.effectiveness.none', period);
  return t(lang, 'monthly.s.effectiveness', {
    ...period,
    own: formatPercent(own.ratio, lang),
    ownScore: own.score ?? '–',
    all: formatPercent(all.ratio, lang),
    allScore: all.score ?? '–',
  });
}

function kecamatanSentence(rows: readonly KecamatanChange[] | null, lang: Lang): string | null {
  if (!rows || rows.every((r) => r.change === null)) return null;
  const { rise, fall } = largestChanges(rows);
  const part = (r: KecamatanChange) => ({ name: r.name, change: changeText(r.change ?? 0, r.ratio, lang) });
  if (rise && fall) {
    const up = part(rise);
    const down = part(fall);
    return t(lang, 'monthly.s.kecamatan.both', { rise: up.name, riseChange: up.change, fall: down.name, fallChange: down.change });
  }
  if (rise) return t(lang, 'monthly.s.kecamatan.riseOnly', part(rise));
  if (fall) return t(lang, 'monthly.s.kecamatan.fallOnly', part(fall));
  return t(lang, 'monthly.s.kecamatan.flat');
}

/** The report's summary, in reading order; a topic without figures (no previous month, no movement) is left out. */
export function summarySentences(o: SummaryFigures, kecamatan: readonly KecamatanChange[] | null, lang: Lang): SummarySentence[] {
  const sentences: [SummarySentence['topic'], string | null][] = [
    ['arrears', arrearsSentence(o, lang)],
    ['year', yearSentence(o, lang)],
    ['movement', movementSentence(o, lang)],
    ['target', targetSentence(o, lang)],
    ['effectiveness', effectivenessSentence(o, lang)],
    ['kecamatan', kecamatanSentence(kecamatan, lang)],
  ];
  return sentences.flatMap(([topic, text]) => (text ? [{ topic, text }] : []));
}
