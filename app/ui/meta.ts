/**
 * Page titles in the page's language: `export const meta = titled('nav.data')`, or from the loader's
 * data: `titled<typeof loader>((data) => ({ key: 'ledger.title', vars: { name: data?.customer.name ?? '' } }))`.
 */
import type { MetaFunction } from '@remix-run/node';
import { DEFAULT_LANG, isLang, t, type MessageKey } from '~/i18n';

type Title = MessageKey | { key: MessageKey; vars?: Record<string, string> };
type LoaderData<Loader> = Parameters<MetaFunction<Loader>>[0]['data'];

export function titled<Loader = unknown>(title: Title | ((data: LoaderData<Loader>) => Title)): MetaFunction<Loader> {
  return ({ data, matches }) => {
    const root = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined;
    const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG;
    const chosen = typeof title === 'function' ? title(data) : title;
    const { key, vars } = typeof chosen === 'string' ? { key: chosen, vars: undefined } : chosen;
    return [{ title: `${t(lang, key, vars)} · Kaba` }];
  };
}
