import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAgeOption, buildBarOption, buildMapOption, buildTrendOption, buildWaterfallOption } from '../../../app/charts/options';
import { renderChartSvg, renderChartSvgCached } from '../../../app/charts/render.server';
import { WarehouseGateway } from '../../../app/lib/warehouse.server';
import { Warehouse } from '../../../etl/warehouse/duckdb';

const GEO = fileURLToPath(new URL('../../fixtures/rejang-lebong-kecamatan.geojson', import.meta.url));

describe('server-side rendering to SVG', () => {
  it('renders a trend with its Rupiah axis labels and no animation', () => {
    const svg = renderChartSvg(
      buildTrendOption({
        total: [
          { month: '2024-12', value: 8_000_000_000 },
          { month: '2025-01', value: 8_100_000_000 },
        ],
        asOfMonth: '2025-01',
        labels: { total: 'Tunggakan', legacy: 'Lama', target: 'Target', projection: 'Proyeksi' },
        lang: 'id',
      }),
      640,
      300
    );
    expect(svg.startsWith('<svg width="100%" height="100%"')).toBe(true);
    expect(svg).toContain('viewBox="0 0 640 300"');
    expect(svg).toContain('Tunggakan');
    expect(svg).toMatch(/Rp8(,\d+)? M/);
    expect(svg).not.toContain('<animate');
  });

  it('renders the waterfall, bars and age buckets', () => {
    const waterfall = renderChartSvg(
      buildWaterfallOption({
        steps: [
          { label: 'Awal', amount: 1_000_000, kind: 'level' },
          { label: 'Baru', amount: 200_000, kind: 'increase' },
          { label: 'Akhir', amount: 1_200_000, kind: 'level' },
        ],
        lang: 'id',
      }),
      600,
      300
    );
    expect(waterfall).toContain('+Rp200 rb');
    const bars = renderChartSvg(buildBarOption({ rows: [{ name: 'Curup Tengah', value: 5 }], lang: 'id', seriesName: 'x' }), 400, 300);
    expect(bars).toContain('Curup Tengah');
    const age = renderChartSvg(
      buildAgeOption({ rows: [{ bucket: '>60', label: '> 5 thn', arrears: 9, current: false }], lang: 'id', seriesName: 'x' }),
      400,
      300
    );
    expect(age).toContain('&gt; 5 thn');
  });

  it('draws a choropleth from a boundary GeoJSON', () => {
    const geoJSON = JSON.parse(readFileSync(GEO, 'utf8'));
    const codes: string[] = geoJSON.features.map((f: { properties: { code: string } }) => f.properties.code);
    const areas = codes.map((code, i) => ({ code, name: `Kec ${i}`, value: (i + 1) * 1_000_000, lat: null, lon: null }));
    const svg = renderChartSvg(buildMapOption({ areas, lang: 'id', seriesName: 'x', mapName: 'test-kecamatan', width: 500, height: 400 }), 500, 400, {
      name: 'test-kecamatan',
      geoJSON,
    });
    expect(svg).toContain('Kec 0');
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(codes.length);
  });

  it('draws bubbles without boundaries', () => {
    const svg = renderChartSvg(
      buildMapOption({
        areas: [{ code: '17.02.09', name: 'Curup', value: 10, lat: -3.47, lon: 102.52 }],
        lang: 'id',
        seriesName: 'x',
        width: 500,
        height: 400,
      }),
      500,
      400
    );
    expect(svg).toContain('Curup');
  });

  it('caches by size, variant and option data', () => {
    const option = buildBarOption({ rows: [{ name: 'A', value: 1_000 }], lang: 'id', seriesName: 'x' });
    const first = renderChartSvgCached(option, 300, 200, 'id');
    expect(renderChartSvgCached(option, 300, 200, 'id')).toBe(first);
    const english = buildBarOption({ rows: [{ name: 'A', value: 1_000 }], lang: 'en', seriesName: 'x' });
    expect(renderChartSvgCached(english, 300, 200, 'en')).toContain('Rp1K');
    expect(first).toContain('Rp1 rb');
  });

  it('with a cache key, renders once per warehouse file and does not even build the option again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaba-render-'));
    const store = globalThis as typeof globalThis & { __kabaWarehouse?: WarehouseGateway };
    const previous = store.__kabaWarehouse;
    try {
      const path = join(dir, 'warehouse.duckdb');
      (await Warehouse.open(path)).close();
      const gateway = (store.__kabaWarehouse = new WarehouseGateway(path, { checkIntervalMs: 60_000 }));
      const generation = await gateway.with(async (_, file) => file.generation);
      let builds = 0;
      const option = () => {
        builds++;
        return buildBarOption({ rows: [{ name: 'A', value: 1_000 }], lang: 'id', seriesName: 'x' });
      };
      const cache = { generation, key: 'test:2025-06:bar' };
      const first = renderChartSvgCached(option, 300, 200, 'id', undefined, cache);
      expect(first).toContain('Rp1 rb');
      expect(renderChartSvgCached(option, 300, 200, 'id', undefined, cache)).toBe(first);
      expect(builds).toBe(1);
      // another size, variant or key is another drawing
      renderChartSvgCached(option, 320, 200, 'id', undefined, cache);
      renderChartSvgCached(option, 300, 200, 'en', undefined, cache);
      renderChartSvgCached(option, 300, 200, 'id', undefined, { ...cache, key: 'test:2025-07:bar' });
      expect(builds).toBe(4);
      // once the file is closed (a load replaced it), nothing is kept for it
      gateway.close();
      renderChartSvgCached(option, 300, 200, 'id', undefined, cache);
      renderChartSvgCached(option, 300, 200, 'id', undefined, cache);
      expect(builds).toBe(6);
    } finally {
      store.__kabaWarehouse = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
