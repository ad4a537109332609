/**
 * What the KPI catalog (etl/domain/kpis.ts) says, as text in either language: labels, values by
 * their format, score bands, the provision schedule and age ranges. Generated from the constants the
 * formulas use, so a changed band shows on the page the moment it is changed. Pure; numbers through
 * ./format.ts, words through the messages.
 *
 *   bandsText(EFFECTIVENESS_SCORE, 'id')  → Skor 5 > 90% · 4 > 85% · 3 > 80% · 2 > 75% · 1 ≤ 75%
 *   bandsText(PROVISION_SCHEDULE, 'en')   → 30% aged 3–6 mo, 50% 7–12 mo, 75% 1–2 yr, 100% > 2 yr
 *   ageRangeText({ from: 13, to: 24 }, 'id') → 1–2 thn
 */
import { AGE_BUCKETS, type AgeBucket } from '../../etl/domain/aging';
import type { DaysBands, KpiBands, KpiDefinition, ProvisionSchedule, RatioBands } from '../../etl/domain/kpis';
import { formatNumber, formatPercent, formatRupiahCompact, type Lang } from './format';
import { t } from './index';

export function kpiLabel(kpi: Pick<KpiDefinition, 'label'>, lang: Lang): string {
  return kpi.label[lang];
}

/** The KPI's value as the card shows it large; '–' when there is none (nothing billed, no sales …). */
export function formatKpiValue(kpi: Pick<KpiDefinition, 'format'>, value: number | null, lang: Lang): string {
  if (value === null) return t(lang, 'overview.kpi.none');
  switch (kpi.format) {
    case 'money':
      return formatRupiahCompact(value, lang);
    case 'percent':
      return formatPercent(value, lang);
    case 'days':
      return t(lang, 'overview.kpi.daysValue', { days: formatNumber(value, lang) });
    case 'count':
      return formatNumber(value, lang);
  }
}

/** A threshold ratio as a percentage with as few decimals as it needs: 0.9 → 90%, 0.875 → 87,5%. */
function thresholdPercent(ratio: number, lang: Lang): string {
  const pct = ratio * 100;
  const digits = [0, 1, 2].find((d) => Math.abs(Math.round(pct * 10 ** d) - pct * 10 ** d) < 1e-6) ?? 2;
  return formatPercent(ratio, lang, digits);
}

/** Joins a band's parts with no-break spaces, so a line never breaks inside one band ("4 > 85%"). */
const band = (...parts: (string | number)[]): string => parts.join('\u00a0');

/** The score left when no band is reached: one below the lowest band's. */
function floorScore(bands: readonly { score: number }[]): number {
  return Math.min(...bands.map((b) => b.score)) - 1;
}

function ratioBandsText(s: RatioBands, lang: Lang): string {
  const last = s.bands[s.bands.length - 1];
  const parts = s.bands.map((b) => band(b.score, '>', thresholdPercent(b.above, lang)));
  parts.push(band(floorScore(s.bands), '≤', thresholdPercent(last.above, lang)));
  return t(lang, 'overview.score.bands', { bands: parts.join(' · ') });
}

function daysBandsText(s: DaysBands, lang: Lang): string {
  const last = s.bands[s.bands.length - 1];
  const parts = s.bands.map((b) => band(b.score, '≤', formatNumber(b.atMost, lang)));
  parts.push(band(floorScore(s.bands), '>', t(lang, 'overview.kpi.daysValue', { days: formatNumber(last.atMost, lang) })));
  return t(lang, 'overview.score.bands', { bands: parts.join(' · ') });
}

/**
 * An age range in months, in whole years where both ends fall on a year: 4–6 → `4–6 bln`,
 * 13–24 → `1–2 thn` (the 13th month starts the second year), 61 and over → `> 5 thn`.
 */
export function ageRangeText(range: Pick<AgeBucket, 'from' | 'to'>, lang: Lang): string {
  const { from, to } = range;
  const afterYears = from > 1 && (from - 1) % 12 === 0;
  if (to === null) {
    return afterYears
      ? t(lang, 'age.years.over', { n: formatNumber((from - 1) / 12, lang) })
      : t(lang, 'age.months.over', { n: formatNumber(from - 1, lang) });
  }
  if (from === to) return t(lang, 'age.months.one', { n: formatNumber(from, lang) });
  if (afterYears && to % 12 === 0) {
    return t(lang, 'age.years.range', { from: formatNumber((from - 1) / 12, lang), to: formatNumber(to / 12, lang) });
  }
  return t(lang, 'age.months.range', { from: formatNumber(from, lang), to: formatNumber(to, lang) });
}

/** An age bucket's label as text: '13-24' → `1–2 thn`. */
export function ageBucketText(label: string, lang: Lang): string {
  const bucket = AGE_BUCKETS.find((b) => b.label === label);
  if (!bucket) throw new RangeError(`unknown age bucket ${label}`);
  return ageRangeText(bucket, lang);
}

/** The schedule's rates with the ages they apply to, consecutive buckets of one rate joined; 0% left out. */
export function provisionRuns(s: ProvisionSchedule): { percent: number; from: number; to: number | null }[] {
  const runs: { percent: number; from: number; to: number | null }[] = [];
  for (const b of s.buckets) {
    const percent = s.percentByBucket[b.label];
    if (percent === undefined) throw new RangeError(`no provision rate for age bucket ${b.label}`);
    const last = runs[runs.length - 1];
    if (last && last.percent === percent && last.to !== null && last.to + 1 === b.from) last.to = b.to;
    else runs.push({ percent, from: b.from, to: b.to });
  }
  return runs.filter((r) => r.percent > 0);
}

function provisionText(s: ProvisionSchedule, lang: Lang): string {
  return provisionRuns(s)
    .map((r, i) =>
      t(lang, i === 0 ? 'overview.provision.first' : 'overview.provision.next', {
        percent: `${formatNumber(r.percent, lang)}%`,
        age: ageRangeText(r, lang),
      })
    )
    .join(', ');
}

/** The bands (or schedule) of a KPI as one line of text in lang. */
export function bandsText(bands: KpiBands, lang: Lang): string {
  switch (bands.kind) {
    case 'ratio-above':
      return ratioBandsText(bands, lang);
    case 'days-at-most':
      return daysBandsText(bands, lang);
    case 'provision':
      return provisionText(bands, lang);
  }
}
