/** Switches between Bahasa Indonesia and English; the choice is kept in a cookie (routes/language.tsx). */
import { Form, useLocation } from '@remix-run/react';
import { useLang, useT } from '~/i18n';
import { CsrfInput } from './csrf-input';

export function LanguageSwitch() {
  const lang = useLang();
  const t = useT();
  const location = useLocation();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <Form method="post" action="/language" reloadDocument className="lang-switch">
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <input type="hidden" name="lang" value={other} />
      {/* The accessible name holds the visible text ("EN English"), as WCAG 2.5.3 asks, after what the button is for. */}
      <button type="submit" className="button button-ghost" lang={other}>
        <span className="visually-hidden">{t('lang.label')}: </span>
        <span className="lang-code">{other.toUpperCase()}</span>
        {t(`lang.${other}`)}
      </button>
    </Form>
  );
}
