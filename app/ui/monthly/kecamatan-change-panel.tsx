/** Each kecamatan's arrears at the month end and their change in the month, signed (+ is a rise). */
import type { Translate } from '~/i18n';
import { formatPercent, formatRupiahFull, type Lang } from '~/i18n/format';
import type { MonthlyKecamatanRow } from '~/lib/tables/monthly.server';
import { DataTable, type TableView } from '~/ui/data-table';

export function KecamatanChangePanel({ view, t, lang }: { view: TableView<MonthlyKecamatanRow>; t: Translate; lang: Lang }) {
  return (
    <section className="panel ov-panel" aria-labelledby="mr-kecamatan">
      <h2 id="mr-kecamatan">{t('overview.kecamatan.title')}</h2>
      <DataTable
        view={view}
        label={t('overview.kecamatan.title')}
        rowKey={(r) => r.code}
        testId="monthly-kecamatan"
        compact
        cell={{
          change: (r, text) => (r.change === null ? text : formatRupiahFull(r.change, lang, { signed: true })),
          ratio: (r, text) => (r.ratio === null ? text : formatPercent(r.ratio, lang, 1, { signed: true })),
        }}
        cellClass={{ change: (r) => (r.change === null || r.change === 0 ? undefined : r.change > 0 ? 'kpi-bad' : 'kpi-good') }}
      />
    </section>
  );
}
