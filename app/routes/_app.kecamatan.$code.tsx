/**
 * One kecamatan: its desa/kelurahan with their arrears at the as-of month end (`?bulan=YYYY-MM`).
 * A simple list until the arrears pages exist; the figures are `npm run report -- arrears --by desa`.
 */
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Chart, useChartOption } from '~/charts/Chart';
import { buildBarOption } from '~/charts/options';
import { DEFAULT_LANG, isLang, t as translate, useLang, useT } from '~/i18n';
import { formatMonth, formatNumber, formatRupiahCompact, formatRupiahFull } from '~/i18n/format';
import { withAsOf } from '~/lib/as-of';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { kecamatanArrears } from '~/lib/overview/kecamatan.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { KECAMATAN_CODE, kecamatanDesaTable } from '~/lib/tables/kecamatan-desa.server';
import { asOfMonth, withWarehouse } from '~/lib/warehouse.server';
import { DataTable, dataTableStyles } from '~/ui/data-table';
import styles from '~/ui/overview.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: dataTableStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined;
  const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG;
  return [{ title: `${translate(lang, 'kecamatan.title', { name: data?.name ?? '' })} · Kaba` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const code = params.code ?? '';
  const month = await asOfMonth(request);
  if (!KECAMATAN_CODE.test(code) || !month) throw json({ code }, { status: 404 });
  const desaQuery = tableQuery(kecamatanDesaTable, new URL(request.url).searchParams);
  const { result, generation } = await withWarehouse(async (_, file) => ({
    result: await kecamatanArrears(file, { kecamatan: code, month }),
    generation: file.generation,
  }));
  if (!result.name) throw json({ code }, { status: 404 });
  const { desa, ...figures } = result;
  const table = tableView(kecamatanDesaTable, result, desaQuery, tableContext(user), { kecamatan: code, month });
  // generation: the warehouse file the figures come from, which the server keeps the chart's SVG with
  return json(
    { code, month, ...figures, chart: desa.filter((d) => d.arrears !== 0), without: desa.filter((d) => d.arrears === 0).map((d) => d.name), table, generation },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function KecamatanPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { chart: withArrears, without } = data;
  const option = useChartOption(
    () => buildBarOption({ rows: withArrears.map((d) => ({ name: d.name, value: d.arrears })), lang, seriesName: t('kecamatan.arrears') }),
    [data, lang]
  );
  const monthName = formatMonth(data.month, lang);
  return (
    <div className="ov" data-as-of={data.month} data-kecamatan={data.code}>
      <p className="ov-back">
        <Link to={withAsOf('/', data.month)}>{t('kecamatan.back')}</Link>
      </p>
      <header className="ov-head">
        <div>
          <h1>{t('kecamatan.title', { name: data.name ?? data.code })}</h1>
          <p className="ov-sub">{t('kecamatan.subtitle', { month: monthName })}</p>
        </div>
        <div className="ov-head-figure">
          <p className="kpi-value" data-testid="kecamatan-total" data-value={data.total_arrears}>
            {formatRupiahCompact(data.total_arrears, lang)}
          </p>
          <p className="kpi-exact">
            {formatRupiahFull(data.total_arrears, lang)} · {formatNumber(data.customers, lang)} {t('kecamatan.customersInArrears')}
          </p>
        </div>
      </header>
      {/* the table takes the whole width: six columns do not fit beside the chart */}
      <div className="dt-stack">
        <section className="panel ov-panel" aria-labelledby="kec-table">
          <h2 id="kec-table">{t('kecamatan.desa')}</h2>
          <DataTable
            view={data.table}
            label={t('kecamatan.chart')}
            rowKey={(d) => d.code}
            rowData={(d) => ({ 'data-desa': d.code })}
            testId="desa-table"
          />
          {without.length > 0 ? (
            <p className="muted ov-small">
              {t('kecamatan.withoutArrears', { count: formatNumber(without.length, lang), names: without.join(', ') })}
            </p>
          ) : null}
        </section>
        <section className="panel ov-panel" aria-labelledby="kec-chart">
          <h2 id="kec-chart">{t('kecamatan.chart')}</h2>
          <Chart
            name="desa-bar"
            option={option}
            width={320}
            height={Math.max(200, withArrears.length * 24 + 40)}
            label={t('kecamatan.chart')}
            variant={lang}
            cache={{ generation: data.generation, key: `kecamatan:${data.code}:${data.month}:desa-bar` }}
          />
        </section>
      </div>
    </div>
  );
}
