/** The way back up the drill-down: all kecamatan › the kecamatan › the desa, keeping the month and filters. */
import { Link } from '@remix-run/react';
import { useT } from '~/i18n';
import { arrearsPath } from '~/lib/arrears/paths';

export interface Crumbs {
  kecamatan?: { code: string; name: string };
  desa?: { code: string; name: string };
  /** the query string every link keeps */
  search: string;
}

export function ArrearsBreadcrumbs({ kecamatan, desa, search }: Crumbs) {
  const t = useT();
  const items = [
    { href: arrearsPath({}, search), label: t('arrears.crumb.all') },
    ...(kecamatan ? [{ href: arrearsPath({ kecamatan: kecamatan.code }, search), label: kecamatan.name }] : []),
    ...(desa && kecamatan ? [{ href: arrearsPath({ kecamatan: kecamatan.code, desa: desa.code }, search), label: desa.name }] : []),
  ];
  return (
    <nav className="ar-crumbs" aria-label={t('arrears.breadcrumbs')}>
      <ol>
        {items.map((item, i) => (
          <li key={item.href}>
            {i === items.length - 1 ? (
              <span aria-current="page">{item.label}</span>
            ) : (
              <Link to={item.href} data-crumb={i}>
                {item.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
