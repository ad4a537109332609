/**
 * Tunggakan, desa level: the desa/kelurahan of one kecamatan (`/arrears/17.02.09`) with the same
 * figures and filters as the kecamatan level, and the kecamatan's arrears trend. Only roles with
 * personal data get links on to a desa's customers.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Chart, useChartOption } from '~/charts/Chart';
import { buildTrendOption } from '~/charts/options';
import { useLang, useT } from '~/i18n';
import { titled } from '~/ui/meta';
import { areaLevelPage } from '~/lib/arrears/levels.server';
import { arrearsPath } from '~/lib/arrears/paths';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { areaLetters } from '~/lib/letters/area-letters.server';
import { SECTION_ROLES } from '~/lib/roles';
import { AreaLevel } from '~/ui/arrears/area-level';
import arrearsStyles from '~/ui/arrears/arrears.css';
import { dataTableStyles } from '~/ui/data-table';
import { AreaLetters } from '~/ui/letters/area-letters';
import styles from '~/ui/overview.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: arrearsStyles },
];

export const meta = titled<typeof loader>((data) => ({ key: 'arrears.desaTitle', vars: { name: data?.kecamatan?.name ?? '' } }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.arrears });
  const kecamatan = params.kecamatan ?? '';
  const [page, letters] = await Promise.all([
    areaLevelPage(request, user, 'desa', { kecamatan }),
    // the letters sent about this kecamatan (to its camat, or about its desa), with their follow-up
    areaLetters(user, { area: kecamatan }),
  ]);
  return json({ ...page, letters }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function ArrearsDesaPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const kecamatan = data.kecamatan?.code ?? '';
  const name = data.kecamatan?.name ?? kecamatan;
  const trend = useChartOption(
    () =>
      buildTrendOption({
        total: (data.trend ?? []).map((p) => ({ month: p.month, value: p.arrears })),
        legacy: (data.trend ?? []).map((p) => ({ month: p.month, value: p.legacy })),
        asOfMonth: data.month,
        labels: { total: t('arrears.chart.total'), legacy: t('arrears.chart.legacy'), target: '', projection: '' },
        lang,
      }),
    [data, lang],
  );
  return (
    <AreaLevel
      data={data}
      title={t('arrears.desaTitle', { name })}
      href={data.customerList ? (code) => arrearsPath({ kecamatan, desa: code }, data.search) : null}
    >
      <section className="panel ov-panel" aria-labelledby="ar-trend">
        <h2 id="ar-trend">{t('arrears.chart.trend', { name })}</h2>
        <Chart
          name="arrears-trend"
          option={trend}
          width={640}
          height={260}
          label={t('arrears.chart.trend', { name })}
          variant={lang}
          cache={{ generation: data.generation, key: `arrears:trend:${kecamatan}:${data.search}` }}
        />
      </section>
      <AreaLetters letters={data.letters} />
    </AreaLevel>
  );
}
