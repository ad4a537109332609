/** The month's movement steps with their amounts, the levels (opening, closing) in bold. */
import type { WaterfallStep } from '../../../etl/domain/kpi';
import type { Translate } from '~/i18n';
import { formatRupiahFull, type Lang } from '~/i18n/format';
import { waterfallLabel } from './waterfall-label';

export function WaterfallTable({ steps, t, lang }: { steps: readonly WaterfallStep[]; t: Translate; lang: Lang }) {
  return (
    <table className="ov-table ov-table-compact">
      <tbody>
        {steps.map((s) => (
          <tr key={s.key} className={s.kind === 'level' ? 'ov-level' : undefined}>
            <th scope="row">{waterfallLabel(s, t)}</th>
            <td className="num">{formatRupiahFull(s.amount, lang, { signed: s.kind !== 'level' })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
