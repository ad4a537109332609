/** The arrears by age: current buckets (up to 12 months) in blue, legacy ones in orange, beside the provision table (when given). */
import { CURRENT_ARREARS_MAX_MONTHS } from '../../../etl/domain/kpi';
import { Chart, useChartOption } from '~/charts/Chart';
import { buildAgeOption } from '~/charts/options';
import { ageBucketText } from '~/i18n/kpi-text';
import { AgeTable } from './age-table';
import type { AgeRow } from '~/lib/tables/overview.server';
import type { TableView } from '~/ui/data-table';
import type { PanelProps } from './types';

const AGE_SIZE = { width: 520, height: 226 };

export function AgePanel({ o, t, lang, cache, table, chartSize = AGE_SIZE }: PanelProps & { table?: TableView<AgeRow> }) {
  const option = useChartOption(
    () =>
      buildAgeOption({
        rows: o.by_age.map((a) => ({ bucket: a.bucket, label: ageBucketText(a.bucket, lang), arrears: a.arrears, current: a.current })),
        lang,
        seriesName: t('overview.kecamatan.arrears'),
      }),
    [o, lang]
  );
  const chart = (
    <div>
      <Chart name="age" option={option} width={chartSize.width} height={chartSize.height} label={t('overview.age.title')} variant={lang} cache={cache('age')} />
      <p className="muted ov-small">{t('overview.age.note', { months: CURRENT_ARREARS_MAX_MONTHS })}</p>
    </div>
  );
  return (
    <section className="panel ov-panel" aria-labelledby="ov-age">
      <h2 id="ov-age">{t('overview.age.title')}</h2>
      {table ? (
        <div className="ov-split ov-split-even">
          {chart}
          <AgeTable view={table} t={t} />
        </div>
      ) : (
        chart
      )}
    </section>
  );
}
