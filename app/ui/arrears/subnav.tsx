/** The Tunggakan section's own navigation: the drill-down, sealing candidates, letters. */
import { NavLink } from '@remix-run/react';
import { useT } from '~/i18n';
import { withAsOf } from '~/lib/as-of';

export function ArrearsSubnav({ month }: { month: string }) {
  const t = useT();
  const links = [
    { to: '/arrears', label: t('arrears.subnav.drill') },
    { to: '/sealing', label: t('arrears.subnav.sealing') },
    { to: '/letters', label: t('arrears.subnav.letters') },
  ];
  return (
    <nav className="ar-subnav" aria-label={t('arrears.subnav')}>
      {links.map((l) => (
        <NavLink key={l.to} to={withAsOf(l.to, month)} end={false}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
