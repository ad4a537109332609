/**
 * Translations. Bahasa Indonesia is the default, English the alternative; the choice lives in a
 * cookie (app/i18n/lang.server.ts) and the root loader hands it to every page.
 *
 *   t('en', 'nav.overview')                      → 'Overview'
 *   t('id', 'data.rejects.count', { count: '3' }) → '3 baris ditolak'
 *   const t = useT(); t('nav.overview')           (in components)
 *
 * Messages are split per feature in ./messages/<feature>.ts, each `defineMessages({ id, en })`, and
 * merged here. Numbers, Rupiah and dates are formatted by ./format.ts, never here.
 */
import { useRouteLoaderData } from '@remix-run/react';
import type { Lang } from './format';
import arrears from './messages/arrears';
import auth from './messages/auth';
import channels from './messages/channels';
import collections from './messages/collections';
import common from './messages/common';
import data from './messages/data';
import ledger from './messages/ledger';
import monthly from './messages/monthly';
import overview from './messages/overview';
import reports from './messages/reports';
import reportsLpp from './messages/reports-lpp';
import table from './messages/table';

export type { Lang } from './format';
export const LANGS: readonly Lang[] = ['id', 'en'];
export const DEFAULT_LANG: Lang = 'id';

const FEATURES = [common, auth, data, overview, table, ledger, channels, collections, arrears, monthly, reports, reportsLpp] as const;

type Feature = (typeof FEATURES)[number];
type KeysOf<F> = F extends { id: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Feature>;
export type MessageVars = Record<string, string | number>;

function merge(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const feature of FEATURES) Object.assign(out, feature[lang]);
  return out;
}

export const MESSAGES: Record<Lang, Record<string, string>> = { id: merge('id'), en: merge('en') };

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** The message for key in lang with `{name}` replaced; the key itself when it is unknown. */
export function t(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text = MESSAGES[lang][key] ?? MESSAGES[DEFAULT_LANG][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The page's language, from the root loader. */
export function useLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: unknown } | undefined;
  return isLang(data?.lang) ? data.lang : DEFAULT_LANG;
}

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** `const t = useT(); t('nav.overview')` in the page's language. */
export function useT(): Translate {
  const lang = useLang();
  return (key, vars) => t(lang, key, vars);
}
