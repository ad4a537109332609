/**
 * The overview as its page's loader sends it: all of it but the movement's lines per channel (the
 * waterfall shows channel categories; the API has the channels), with the trend as columns. A page
 * request turns its loader data into JSON three times (the loader's response, Remix reading it back,
 * the copy in the HTML for hydration), and the trend as rows was over half of it.
 */
import { desaPoints } from '../../../etl/queries/areas';
import { withWarehouse } from '../warehouse.server';
import { overviewFigures, withTarget, type Overview } from './figures.server';
import { reductionTarget } from './target.server';

export interface OverviewView extends Omit<Overview, 'movement' | 'trend'> {
  movement: Omit<NonNullable<Overview['movement']>, 'recovered_by_channel'> | null;
  /** the month ends of the trend, oldest first, and the arrears and its legacy part at each */
  trend: { months: string[]; arrears: number[]; legacy: number[] };
}

export function overviewView({ movement, trend, ...rest }: Overview): OverviewView {
  let view: OverviewView['movement'] = null;
  if (movement) {
    const { recovered_by_channel: _, ...totals } = movement;
    view = totals;
  }
  return {
    ...rest,
    movement: view,
    trend: { months: trend.map((p) => p.month), arrears: trend.map((p) => p.arrears), legacy: trend.map((p) => p.legacy) },
  };
}

export interface OverviewPage {
  overview: OverviewView;
  /** [lon, lat] of the desa (the bubble map's backdrop), when asked for */
  points: [number, number][];
  /** the warehouse file the figures come from (WarehouseFile.generation): names the page's cached chart SVGs */
  generation: number;
}

/** What the overview page shows for `month`: the figures (as their view), and the desa points from the same file. */
export async function loadOverviewPage(month: string, { points }: { points: boolean }): Promise<OverviewPage> {
  const [fromFile, target] = await Promise.all([
    withWarehouse(async (wh, file) => ({
      figures: await overviewFigures(file, month),
      points: points ? await file.cached('desa-points', () => desaPoints(wh)) : [],
      generation: file.generation,
    })),
    reductionTarget(),
  ]);
  return { overview: overviewView(withTarget(fromFile.figures, target)), points: fromFile.points, generation: fromFile.generation };
}
