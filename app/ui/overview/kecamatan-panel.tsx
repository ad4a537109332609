/**
 * The arrears by kecamatan: bars largest first, a map (choropleth with boundaries, else bubbles at
 * the centroids over the desa dots), and the table; a bar, an area or a name leads to its desa.
 */
import { Chart, useChartOption } from '~/charts/Chart';
import { buildBarOption, buildMapOption } from '~/charts/options';
import { withAsOf } from '~/lib/as-of';
import { KecamatanTable } from './kecamatan-table';
import type { KecamatanRow } from '~/lib/tables/overview.server';
import type { TableView } from '~/ui/data-table';
import type { Geo, PanelProps, Points } from './types';

/** Each chart's drawing width: about its box on a 1280-px screen, so the server SVG is not scaled down there. */
const CHART_WIDTH = 440;

export function KecamatanPanel({ o, t, lang, cache, geo, points, table }: PanelProps & { geo: Geo; points: Points; table: TableView<KecamatanRow> }) {
  const rows = o.by_kecamatan;
  const href = (code: string) => withAsOf(`/arrears/${code}`, o.as_of);
  const barHeight = Math.max(220, rows.length * 26 + 40);
  // Boundaries fill a squarer box; bubbles over Rejang Lebong's wide, flat extent a lower one.
  const mapHeight = geo ? 362 : 267;
  const bar = useChartOption(
    () => buildBarOption({ rows: rows.map((r) => ({ name: r.name, value: r.arrears })), lang, seriesName: t('overview.kecamatan.arrears') }),
    [rows, lang]
  );
  const map = useChartOption(
    () =>
      buildMapOption({
        areas: rows.map((r) => ({ code: r.code, name: r.name, value: r.arrears, lat: r.latitude, lon: r.longitude })),
        lang,
        seriesName: t('overview.kecamatan.arrears'),
        mapName: geo?.name,
        context: points,
        width: CHART_WIDTH,
        height: mapHeight,
      }),
    [rows, lang, geo, mapHeight]
  );
  const byName = Object.fromEntries(rows.map((r) => [r.name, href(r.code)]));
  const byCode = Object.fromEntries(rows.map((r) => [r.code, href(r.code)]));
  return (
    <section className="panel ov-panel" aria-labelledby="ov-kecamatan">
      <div className="ov-panel-head">
        <h2 id="ov-kecamatan">{t('overview.kecamatan.title')}</h2>
        <span className="muted ov-small">{t('overview.kecamatan.hint')}</span>
      </div>
      <div className="ov-row ov-row-tight">
        <div>
          <Chart
            name="kecamatan-bar"
            option={bar}
            width={CHART_WIDTH}
            height={barHeight}
            label={t('overview.kecamatan.title')}
            variant={lang}
            cache={cache('kecamatan-bar')}
            hrefs={byName}
          />
        </div>
        <div>
          <Chart
            name="kecamatan-map"
            option={map}
            width={CHART_WIDTH}
            height={mapHeight}
            label={t('overview.kecamatan.map')}
            variant={lang}
            // the desa backdrop (points) comes from the same warehouse file; the map name names the boundaries
            cache={cache('kecamatan-map')}
            geo={geo ?? undefined}
            hrefs={byCode}
          />
          <p className="muted ov-small">{geo ? t('overview.kecamatan.choropleth') : t('overview.kecamatan.bubbles')}</p>
        </div>
      </div>
      <KecamatanTable view={table} t={t} href={href} />
    </section>
  );
}
