/** The payment-channel section's sub-navigation and the pieces its pages share (period form, switches). */
import { Form, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '~/i18n';

const PAGES: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/channels', label: 'channels.nav.adoption', end: true },
  { to: '/channels/compare', label: 'channels.nav.compare' },
  { to: '/channels/launch', label: 'channels.nav.launch' },
  { to: '/channels/reconciliation', label: 'channels.nav.reconciliation' },
];

export function ChannelsNav() {
  const t = useT();
  return (
    <nav className="ch-subnav" aria-label={t('channels.nav.label')}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <NavLink to={p.to} end={p.end} prefetch="intent">
              {t(p.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A GET form of month fields (works without JavaScript); `hidden` keeps the page's other parameters. */
export function MonthsForm({ fields, hidden = {}, children }: { fields: { name: string; label: MessageKey; value: string }[]; hidden?: Record<string, string>; children?: ReactNode }) {
  const t = useT();
  return (
    <Form method="get" className="ch-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => (
        <label key={f.name}>
          {t(f.label)}
          <input type="month" name={f.name} defaultValue={f.value} pattern="\d{4}-\d{2}" required />
        </label>
      ))}
      {children}
      <button type="submit">{t('channels.show')}</button>
    </Form>
  );
}

/** A choice as links (the state lives in the URL). */
export function Switch<V extends string>({ label, options, current, href }: { label: MessageKey; options: { value: V; label: MessageKey }[]; current: V; href: (v: V) => string }) {
  const t = useT();
  return (
    <fieldset className="ch-switch">
      <legend>{t(label)}</legend>
      {options.map((o) => (
        <a key={o.value} href={href(o.value)} aria-current={o.value === current ? 'true' : undefined} data-switch={o.value}>
          {t(o.label)}
        </a>
      ))}
    </fieldset>
  );
}
