/** The sub-navigation of the arrears section's paperwork pages: sealing candidates and letters. */
import { NavLink, useLocation } from '@remix-run/react';
import { useT } from '~/i18n';
import { AS_OF_PARAM, withAsOf } from '~/lib/as-of';

export function LettersSubNav() {
  const t = useT();
  const bulan = new URLSearchParams(useLocation().search).get(AS_OF_PARAM);
  return (
    <nav className="lt-subnav" aria-label={t('section.arrears')}>
      <NavLink to={withAsOf('/arrears', bulan)} end>
        {t('section.arrears')}
      </NavLink>
      <NavLink to={withAsOf('/sealing', bulan)}>{t('letters.nav.sealing')}</NavLink>
      <NavLink to={withAsOf('/letters', bulan)}>{t('letters.nav.letters')}</NavLink>
    </nav>
  );
}
