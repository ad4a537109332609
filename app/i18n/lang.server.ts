/** The language choice, remembered in a cookie for a year; Bahasa Indonesia without one. */
import { createCookie } from '@remix-run/node';
import { DEFAULT_LANG, isLang, type Lang } from './index';

export const langCookie = createCookie('kaba_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});

export async function langFromRequest(request: Request): Promise<Lang> {
  const value: unknown = await langCookie.parse(request.headers.get('Cookie'));
  return isLang(value) ? value : DEFAULT_LANG;
}
