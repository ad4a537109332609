/**
 * What the overview's components are given. The figures' type comes from the server module that
 * assembles them (a type import only: nothing of it reaches the browser).
 */
import type { ChartCacheKey } from '~/charts/Chart';
import type { Translate } from '~/i18n';
import type { Lang } from '~/i18n/format';
import type { OverviewView } from '~/lib/overview/page.server';

export type { OverviewView };

/** Registered kecamatan boundaries for the choropleth, or null for bubbles at the centroids. */
export type Geo = { name: string; geoJSON: unknown } | null;
/** [lon, lat] of every desa, the bubble map's faint backdrop. */
export type Points = [number, number][];

export interface FigureProps {
  o: OverviewView;
  t: Translate;
  lang: Lang;
}

/** A chart's drawing size in px (its server SVG's viewBox). */
export interface ChartSize {
  width: number;
  height: number;
}

export interface PanelProps extends FigureProps {
  /** the server's SVG cache key of one of the page's charts */
  cache: (chart: string, extra?: string) => ChartCacheKey;
  /** the panel's chart drawn at another size than the overview's (a printed A4 page is narrower) */
  chartSize?: ChartSize;
}
