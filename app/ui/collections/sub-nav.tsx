/** The Penagihan section's own navigation: performance and the route planner. */
import { NavLink } from '@remix-run/react';
import { useT } from '~/i18n';

export function CollectionsSubNav() {
  const t = useT();
  return (
    <nav className="col-subnav" aria-label={t('col.nav.label')}>
      <ul>
        <li>
          <NavLink to="/collections" end>
            {t('col.nav.performance')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/collections/routes">{t('col.nav.routes')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
