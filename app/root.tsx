import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { DEFAULT_LANG, isLang, useT } from './i18n';
import { langFromRequest } from './i18n/lang.server';
import { csrfToken } from './lib/auth.server';
import { useNonce } from './lib/nonce';
import styles from './styles/app.css';
import { Logo } from './ui/logo';

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'stylesheet', href: styles },
];

export const meta: MetaFunction = () => [{ title: 'Kaba' }];

/** The language and this browser's CSRF token, for every page (the sign-in page included). */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await langFromRequest(request);
  const { token, setCookie } = await csrfToken(request);
  return json({ lang, csrf: token }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const nonce = useNonce();
  const lang = isLang(data?.lang) ? data.lang : DEFAULT_LANG;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Errors outside the signed-in layout (the sign-in page, the root loader). */
export function ErrorBoundary() {
  const error = useRouteError();
  const tr = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="standalone">
      <div className="standalone-card">
        <Logo size={40} />
        <h1>{notFound ? tr('error.notFound') : tr('error.title')}</h1>
        {notFound ? null : <p>{tr('error.body')}</p>}
        <p>
          <a href="/">{tr('error.back')}</a>
        </p>
      </div>
    </main>
  );
}
