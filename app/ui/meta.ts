/** Page titles in the page's language: `export const meta = titled('nav.data')`. */
import type { MetaFunction } from '@remix-run/node';
import { DEFAULT_LANG, isLang, t, type MessageKey } from '~/i18n';

export function titled(key: MessageKey): MetaFunction {
  return ({ matches }) => {
    const data = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined;
    const lang = isLang(data?.lang) ? data.lang : DEFAULT_LANG;
    return [{ title: `${t(lang, key)} · Kaba` }];
  };
}
