/** Each kecamatan with its arrears, customers in arrears and share of the total, linked to its desa page. */
import { Link } from '@remix-run/react';
import type { Translate } from '~/i18n';
import { formatNumber, formatRupiahFull, type Lang } from '~/i18n/format';
import { share } from './text';
import type { OverviewView } from './types';

export function KecamatanTable({ o, t, lang, href }: { o: OverviewView; t: Translate; lang: Lang; href: (code: string) => string }) {
  return (
    <table className="ov-table" data-testid="kecamatan-table">
      <thead>
        <tr>
          <th scope="col">{t('overview.kecamatan.name')}</th>
          <th scope="col" className="num">
            {t('overview.kecamatan.arrears')}
          </th>
          <th scope="col" className="num">
            {t('overview.kecamatan.customers')}
          </th>
          <th scope="col" className="num">
            {t('overview.kecamatan.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {o.by_kecamatan.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              <Link to={href(r.code)} prefetch="intent" data-kecamatan={r.code}>
                {r.name}
              </Link>
            </th>
            <td className="num" data-value={r.arrears}>
              {formatRupiahFull(r.arrears, lang)}
            </td>
            <td className="num">{formatNumber(r.customers, lang)}</td>
            <td className="num">{share(r.arrears, o.total_arrears, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
