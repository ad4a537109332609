/** Arrears by age bucket with the provision rate and amount of each, and their totals. */
import type { Translate } from '~/i18n';
import { formatRupiahFull, type Lang } from '~/i18n/format';
import { ageBucketText } from '~/i18n/kpi-text';
import type { OverviewView } from './types';

export function AgeTable({ o, t, lang }: { o: OverviewView; t: Translate; lang: Lang }) {
  return (
    <table className="ov-table ov-table-compact" data-testid="age-table">
      <thead>
        <tr>
          <th scope="col">{t('overview.age.bucket')}</th>
          <th scope="col" className="num">
            {t('overview.kecamatan.arrears')}
          </th>
          <th scope="col" className="num">
            {t('overview.age.rate')}
          </th>
          <th scope="col" className="num">
            {t('overview.age.provision')}
          </th>
        </tr>
      </thead>
      <tbody>
        {o.by_age.map((a) => (
          <tr key={a.bucket}>
            <th scope="row">
              <span className={`ov-swatch ${a.current ? 'ov-swatch-current' : 'ov-swatch-legacy'}`} aria-hidden="true" />
              {ageBucketText(a.bucket, lang)}
            </th>
            <td className="num">{formatRupiahFull(a.arrears, lang)}</td>
            <td className="num">{a.provision_percent}%</td>
            <td className="num">{formatRupiahFull(a.provision, lang)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('overview.age.total')}</th>
          <td className="num">{formatRupiahFull(o.total_arrears, lang)}</td>
          <td />
          <td className="num">{formatRupiahFull(o.provision, lang)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
