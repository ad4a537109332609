/**
 * The overview's KPI cards in two groups (arrears; receivables and collection performance). Each
 * card's label, value format and score bands come from the KPI catalog (etl/domain/kpis.ts); what is
 * left here is which figure feeds which card and the note under it.
 */
import { CURRENT_ARREARS_MAX_MONTHS, type Score } from '../../../etl/domain/kpi';
import { KPIS, type KpiDefinition } from '../../../etl/domain/kpis';
import { formatDate, formatMonth, formatNumber, formatPercent, formatRupiahCompact, formatRupiahFull, type Lang } from '~/i18n/format';
import { bandsText, formatKpiValue, kpiLabel } from '~/i18n/kpi-text';
import { KpiCard, type KpiCardProps, type KpiDelta } from '~/ui/kpi-card';
import { ratioText, share } from './text';
import type { FigureProps } from './types';

type CatalogCardProps = Omit<KpiCardProps, 'name' | 'label' | 'value' | 'raw' | 'score'> & {
  kpi: KpiDefinition;
  value: number | null;
  lang: Lang;
  /** the score of a KPI with score bands (null when there is no value to score) */
  score?: Score | null;
  scoreLabel?: (score: Score) => string;
};

/** A card for a catalog KPI: label, value and bands in the page's language; money also in full. */
function CatalogCard({ kpi, value, lang, score, scoreLabel, exact, ...rest }: CatalogCardProps) {
  const bands = kpi.bands && kpi.bands.kind !== 'provision' ? bandsText(kpi.bands, lang) : null;
  return (
    <KpiCard
      name={kpi.id}
      label={kpiLabel(kpi, lang)}
      value={formatKpiValue(kpi, value, lang)}
      exact={exact ?? (kpi.format === 'money' && value !== null ? formatRupiahFull(value, lang) : undefined)}
      raw={value}
      score={bands && score && scoreLabel ? { score, label: scoreLabel(score), bands } : null}
      {...rest}
    />
  );
}

function arrearsDeltas({ o, t, lang }: FigureProps): KpiDelta[] {
  const direction = (delta: number): KpiDelta['direction'] => (delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat');
  const deltas: KpiDelta[] = [];
  if (o.vs_previous_month) {
    const c = o.vs_previous_month;
    const text = t('overview.kpi.vsPrevious', {
      delta: formatRupiahCompact(c.delta, lang, { signed: true }),
      ratio: ratioText(c.ratio, lang),
      month: formatMonth(c.month, lang),
    });
    deltas.push({ text, direction: direction(c.delta), good: c.delta < 0 });
  }
  if (o.vs_start_of_year) {
    const c = o.vs_start_of_year;
    const text = t('overview.kpi.vsStartOfYear', {
      delta: formatRupiahCompact(c.delta, lang, { signed: true }),
      ratio: ratioText(c.ratio, lang),
      year: o.as_of.slice(0, 4),
    });
    deltas.push({ text, direction: direction(c.delta), good: c.delta < 0 });
  }
  return deltas.length ? deltas : [{ text: t('overview.kpi.noComparison'), direction: 'flat', good: true }];
}

export function KpiGrid(props: FigureProps) {
  const { o, t, lang } = props;
  const compact = (n: number) => formatRupiahCompact(n, lang);
  const months = formatNumber(CURRENT_ARREARS_MAX_MONTHS, lang);
  const ce = o.collection_effectiveness;
  const period = {
    from: formatMonth(ce.from.slice(0, 7), lang, 'short'),
    to: formatMonth(ce.to.slice(0, 7), lang, 'short'),
    billed: compact(ce.billed),
  };
  const scoreLabel = (score: Score) => t('overview.score', { score });
  const dr = o.days_receivable;
  const os = o.online_share;

  return (
    <section className="ov-kpis" aria-label={t('overview.kpis')}>
      <div className="ov-kpi-group">
        <h2 className="ov-group-title">{t('overview.groups.arrears')}</h2>
        <div className="ov-kpi-grid">
          <CatalogCard kpi={KPIS.total_arrears} value={o.total_arrears} lang={lang} emphasis deltas={arrearsDeltas(props)} />
          <CatalogCard
            kpi={KPIS.current_arrears}
            value={o.current_arrears}
            lang={lang}
            note={t('overview.kpi.currentNote', { months, share: share(o.current_arrears, o.total_arrears, lang) })}
          />
          <CatalogCard
            kpi={KPIS.legacy_arrears}
            value={o.legacy_arrears}
            lang={lang}
            note={t('overview.kpi.legacyNote', { months, share: share(o.legacy_arrears, o.total_arrears, lang) })}
          />
          <CatalogCard
            kpi={KPIS.customers_in_arrears}
            value={o.customers_in_arrears}
            lang={lang}
            note={t('overview.kpi.customersNote', { date: formatDate(o.month_end, lang) })}
          />
        </div>
      </div>
      <div className="ov-kpi-group">
        <h2 className="ov-group-title" title={t('overview.score.title')}>
          {t('overview.groups.performance')}
        </h2>
        <div className="ov-kpi-grid">
          <CatalogCard
            kpi={KPIS.receivables}
            value={o.receivables.total}
            lang={lang}
            note={t('overview.kpi.receivablesNote', { notYetDue: compact(o.receivables.not_yet_due) })}
          />
          <CatalogCard
            kpi={KPIS.provision}
            value={o.provision}
            lang={lang}
            note={t('overview.kpi.provisionNote', { share: share(o.provision, o.total_arrears, lang), schedule: bandsText(KPIS.provision.bands, lang) })}
          />
          <CatalogCard
            kpi={KPIS.effectiveness_own_bills}
            value={ce.own_bills.ratio}
            lang={lang}
            score={ce.own_bills.score}
            scoreLabel={scoreLabel}
            note={t('overview.kpi.effOwnNote', period)}
          />
          <CatalogCard
            kpi={KPIS.effectiveness_all_receipts}
            value={ce.all_receipts.ratio}
            lang={lang}
            score={ce.all_receipts.score}
            scoreLabel={scoreLabel}
            note={t('overview.kpi.effAllNote', period)}
          />
          <CatalogCard
            kpi={KPIS.days_receivable}
            value={dr.days}
            lang={lang}
            score={dr.score}
            scoreLabel={scoreLabel}
            note={t('overview.kpi.daysNote', { sales: compact(dr.annual_water_sales) })}
          />
          <CatalogCard
            kpi={KPIS.online_share}
            value={os.by_count}
            lang={lang}
            exact={t('overview.kpi.onlineValue')}
            note={t('overview.kpi.onlineNote', {
              value: os.by_value === null ? '–' : formatPercent(os.by_value, lang),
              month: formatMonth(o.as_of, lang),
              payments: formatNumber(os.payments, lang),
            })}
          />
        </div>
      </div>
    </section>
  );
}
