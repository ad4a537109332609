/**
 * A month's reconciliation (`?month=YYYY-MM`): per channel received = applied + credit + duplicate +
 * unmatched, every exception with its file, line and reason, and the collectors' cash differences;
 * each list exports (CSV/XLSX). The figures are GET /api/v1/reconciliation.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useLang, useT } from '~/i18n';
import { formatMonth } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { loadReconciliation, monthParam, readParams } from '~/lib/channels/figures.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { cashDifferencesTable, reconciliationExceptionsTable, reconciliationTable, refusedFilesTable } from '~/lib/tables/channels.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { MonthsForm } from '~/ui/channels/nav';
import { DataTable } from '~/ui/data-table';
import { titled } from '~/ui/meta';

export const meta = titled('channels.nav.reconciliation');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.channels });
  const params = new URL(request.url).searchParams;
  const month = await readParams(() => monthParam(params));
  const queries = [reconciliationTable, reconciliationExceptionsTable, cashDifferencesTable, refusedFilesTable].map((def) => tableQuery(def, params));
  const ctx = tableContext(user);
  const r = await loadReconciliation(month, ctx.scope);
  return json(
    {
      month,
      rows: tableView(reconciliationTable, r, queries[0], ctx, { month }),
      exceptions: tableView(reconciliationExceptionsTable, r, queries[1], ctx, { month }),
      cash: tableView(cashDifferencesTable, r, queries[2], ctx, { month }),
      refused: tableView(refusedFilesTable, r, queries[3], ctx, { month }),
    },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function ReconciliationPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <header className="ov-head">
        <div>
          <h1>{t('channels.rec.title', { month: formatMonth(data.month, lang) })}</h1>
          <p className="ov-sub">{t('channels.rec.identity')}</p>
        </div>
      </header>
      <MonthsForm fields={[{ name: 'month', label: 'channels.rec.month', value: data.month }]} />
      <section className="panel ov-panel" aria-labelledby="rec-rows">
        <h2 id="rec-rows">{t('channels.rec.rows')}</h2>
        <DataTable view={data.rows} label={t('channels.rec.rows')} rowKey={(r) => r.channel_code} rowData={(r) => ({ 'data-channel': r.channel_code })} testId="reconciliation-rows" />
      </section>
      <section className="panel ov-panel" aria-labelledby="rec-exceptions">
        <h2 id="rec-exceptions">{t('channels.rec.exceptions')}</h2>
        <DataTable
          view={data.exceptions}
          label={t('channels.rec.exceptions')}
          rowKey={(r) => `${r.channel_code}|${r.payment_ref}|${r.kind}`}
          rowData={(r) => ({ 'data-kind': r.kind, 'data-ref': r.payment_ref })}
          testId="reconciliation-exceptions"
        />
      </section>
      <section className="panel ov-panel" aria-labelledby="rec-refused">
        <h2 id="rec-refused">{t('channels.rec.refusedFiles')}</h2>
        <p className="muted ov-small">{t('channels.rec.refused')}</p>
        <DataTable view={data.refused} label={t('channels.rec.refusedFiles')} rowKey={(r) => `${r.file_name}|${r.refused_at}`} testId="refused-files" empty={t('channels.rec.noRefused')} />
      </section>
      <section className="panel ov-panel" aria-labelledby="rec-cash">
        <h2 id="rec-cash">{t('channels.rec.cash')}</h2>
        <DataTable view={data.cash} label={t('channels.rec.cash')} rowKey={(r) => `${r.collector_id}|${r.day}`} testId="collector-cash" />
      </section>
    </>
  );
}
