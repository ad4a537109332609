/**
 * The channel comparison of a period (`?from=YYYY-MM&to=YYYY-MM`, default the last 12 complete months):
 * one sortable row per channel with its monthly trend line; the figures are GET /api/v1/channels.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { sparklinePoints } from '~/charts/channels-options';
import { useLang, useT } from '~/i18n';
import { formatMonth, formatPercent } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { loadComparison, periodParams, readParams } from '~/lib/channels/figures.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { channelsCompareTable } from '~/lib/tables/channels.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { MonthsForm } from '~/ui/channels/nav';
import { DataTable } from '~/ui/data-table';
import { titled } from '~/ui/meta';

export const meta = titled('channels.compare.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.channels });
  const params = new URL(request.url).searchParams;
  const period = await readParams(() => periodParams(params));
  const query = tableQuery(channelsCompareTable, params);
  const r = await loadComparison(period);
  const table = tableView(channelsCompareTable, r, query, tableContext(user), period);
  const trends = Object.fromEntries(r.rows.map((row) => [row.channel_code, row.trend]));
  return json(
    { ...period, online_share_count: r.online_share_count, online_share_value: r.online_share_value, table, trends },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

const SPARK = { width: 80, height: 20 };

function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  return (
    <svg className="ch-spark" width={SPARK.width} height={SPARK.height} viewBox={`0 0 ${SPARK.width} ${SPARK.height}`} role="img" aria-label={label}>
      <polyline points={sparklinePoints(values, SPARK.width, SPARK.height)} fill="none" stroke="#1f6fb2" strokeWidth="1.5" />
    </svg>
  );
}

export default function ChannelsComparePage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const share = (v: number | null) => (v === null ? '–' : formatPercent(v, lang));
  return (
    <>
      <header className="ov-head">
        <div>
          <h1>{t('channels.compare.title')}</h1>
          <p className="ov-sub">{t('channels.subtitle', { from: formatMonth(data.from, lang), to: formatMonth(data.to, lang) })}</p>
        </div>
        <div className="ch-kpis">
          <p>
            {t('channels.onlineShareCount')}: <strong data-testid="online-share-count">{share(data.online_share_count)}</strong>
          </p>
          <p>
            {t('channels.onlineShareValue')}: <strong data-testid="online-share-value">{share(data.online_share_value)}</strong>
          </p>
        </div>
      </header>
      <MonthsForm
        fields={[
          { name: 'from', label: 'channels.from', value: data.from },
          { name: 'to', label: 'channels.to', value: data.to },
        ]}
      />
      <section className="panel ov-panel" aria-labelledby="ch-compare">
        <h2 id="ch-compare">{t('channels.compare.title')}</h2>
        <DataTable
          view={data.table}
          label={t('channels.compare.title')}
          rowKey={(r) => r.channel_code}
          rowData={(r) => ({ 'data-channel': r.channel_code })}
          testId="channels-compare"
          cell={{
            channel_name: (r, text) => (
              <>
                {text}
                <Sparkline values={data.trends[r.channel_code] ?? []} label={t('channels.trend', { name: text })} />
              </>
            ),
          }}
        />
      </section>
    </>
  );
}
