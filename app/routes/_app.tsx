/**
 * The layout of every signed-in page: navigation by role, the as-of month (`?bulan=YYYY-MM`, kept
 * across the navigation links), the data freshness (last load, latest bill period), the user and
 * sign-out, the language switch. Its loader checks the session, but child loaders run on their own
 * on client navigation: every child loader calls requireUser itself.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  Link,
  NavLink,
  Outlet,
  useLoaderData,
  useLocation,
  useRouteError,
  useSubmit,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatDate, formatMonth } from '~/i18n/format';
import { AS_OF_PARAM, pickAsOfMonth, withAsOf } from '~/lib/as-of';
import { requireUser } from '~/lib/auth.server';
import { isForbidden, isWarehouseUnavailable, type WarehouseUnavailable } from '~/lib/errors';
import { canOpen, isRole, type Section } from '~/lib/roles';
import { warehouseFreshness, type Freshness } from '~/lib/warehouse.server';
import { useAppLayout, type AppLayoutData } from '~/ui/app-layout';
import { CsrfInput } from '~/ui/csrf-input';
import { Icon, type IconName } from '~/ui/icons';
import { LanguageSwitch } from '~/ui/language-switch';
import { Logo } from '~/ui/logo';
import { WarehouseMissing } from '~/ui/warehouse-missing';

const NAV: readonly { section: Section; to: string; label: MessageKey; icon: IconName }[] = [
  { section: 'overview', to: '/', label: 'nav.overview', icon: 'overview' },
  { section: 'arrears', to: '/arrears', label: 'nav.arrears', icon: 'arrears' },
  { section: 'channels', to: '/channels', label: 'nav.channels', icon: 'channels' },
  { section: 'collections', to: '/collections', label: 'nav.collections', icon: 'collections' },
  { section: 'reports', to: '/reports', label: 'nav.reports', icon: 'reports' },
  { section: 'data', to: '/data', label: 'nav.data', icon: 'data' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  let freshness: Freshness | null = null;
  let unavailable: WarehouseUnavailable | null = null;
  try {
    freshness = await warehouseFreshness();
  } catch (error) {
    if (!(error instanceof Response && error.status === 503)) throw error;
    const body: unknown = await error.json();
    if (!isWarehouseUnavailable(body)) throw error;
    unavailable = body;
  }
  const requested = new URL(request.url).searchParams.get(AS_OF_PARAM);
  const asOf = freshness ? pickAsOfMonth(requested, freshness.months, freshness.lastCompleteMonth) : null;
  return json({
    user,
    sections: NAV.filter((n) => canOpen(user, n.section)).map((n) => n.section),
    asOf,
    /** the month to keep in links: only one the user chose (the default moves on with new data) */
    asOfParam: asOf !== null && requested === asOf ? asOf : null,
    /** a ?bulan= the warehouse has no figures for (or no month at all): the page says it shows asOf instead */
    asOfRejected: asOf !== null && requested && requested !== asOf ? requested.slice(0, 32) : null,
    months: freshness ? [...freshness.months].reverse() : [],
    freshness: freshness && {
      lastLoadAt: freshness.lastLoadAt,
      latestBillPeriod: freshness.latestBillPeriod,
      lastCompleteMonth: freshness.lastCompleteMonth,
    },
    unavailable,
  });
}

export default function AppLayout() {
  const data = useLoaderData<typeof loader>();
  return <AppShell data={data}>{data.unavailable ? <WarehouseMissing problem={data.unavailable} /> : <Outlet />}</AppShell>;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useAppLayout();
  const panel = <ErrorPanel error={error} />;
  return data ? <AppShell data={data}>{panel}</AppShell> : <main className="standalone">{panel}</main>;
}

function ErrorPanel({ error }: { error: unknown }) {
  const t = useT();
  const location = useLocation();
  if (isRouteErrorResponse(error)) {
    if (error.status === 503 && isWarehouseUnavailable(error.data)) return <WarehouseMissing problem={error.data} />;
    if (error.status === 403) {
      return (
        <section className="panel panel-notice" aria-labelledby="error-title">
          <h1 id="error-title">{t('error.forbidden')}</h1>
          <p>{t('error.forbiddenBody', { role: isForbidden(error.data) && isRole(error.data.role) ? t(`role.${error.data.role}`) : '' })}</p>
          <p>
            <Link to="/">{t('error.back')}</Link>
          </p>
        </section>
      );
    }
    if (error.status === 404) {
      return (
        <section className="panel panel-notice" aria-labelledby="error-title">
          <h1 id="error-title">{t('error.notFound')}</h1>
          <p>{t('error.notFoundBody', { path: location.pathname })}</p>
          <p>
            <Link to="/">{t('error.back')}</Link>
          </p>
        </section>
      );
    }
  } else {
    console.error(error);
  }
  return (
    <section className="panel panel-notice" aria-labelledby="error-title">
      <h1 id="error-title">{t('error.title')}</h1>
      <p>{t('error.body')}</p>
    </section>
  );
}

function AppShell({ data, children }: { data: AppLayoutData; children: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const { user, asOfParam } = data;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <aside className="sidebar">
        <Link to={withAsOf('/', asOfParam)} className="brand">
          <Logo size={32} />
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <nav aria-label={t('nav.label')} className="nav">
          <ul>
            {NAV.filter((n) => data.sections.includes(n.section)).map((n) => (
              <li key={n.section}>
                <NavLink to={withAsOf(n.to, asOfParam)} end={n.to === '/'} prefetch="intent" className="nav-link">
                  <Icon name={n.icon} />
                  <span>{t(n.label)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-foot">
          <div className="user-card">
            <span className="avatar" aria-hidden="true">
              {user.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="user-text">
              <span className="user-name" data-testid="user-name">
                {user.name}
              </span>
              <span className="user-role" data-testid="user-role">
                {t(`role.${user.role}`)}
                {user.teams.length > 0 ? ` · ${t('user.teams', { teams: user.teams.join(', ') })}` : ''}
              </span>
            </span>
          </div>
          <Form method="post" action="/logout" reloadDocument>
            <CsrfInput />
            <button type="submit" className="button button-ghost button-block">
              <Icon name="signOut" />
              {t('auth.signOut')}
            </button>
          </Form>
        </div>
      </aside>
      <div className="workspace">
        <header className="topbar">
          <AsOfSelect asOf={data.asOf} months={data.months} />
          <dl className="freshness" aria-label={t('freshness.label')}>
            <div>
              <dt>{t('freshness.lastLoad')}</dt>
              <dd data-testid="last-load">
                {data.freshness?.lastLoadAt
                  ? `${formatDate(data.freshness.lastLoadAt, lang, 'short')} ${data.freshness.lastLoadAt.slice(11, 16)}`
                  : t('freshness.none')}
              </dd>
            </div>
            <div>
              <dt>{t('freshness.latestBill')}</dt>
              <dd data-testid="latest-bill-period">
                {data.freshness?.latestBillPeriod ? formatMonth(data.freshness.latestBillPeriod, lang) : t('freshness.none')}
              </dd>
            </div>
          </dl>
          <LanguageSwitch />
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {data.asOfRejected && data.asOf ? (
            <p className="alert alert-info" role="status" data-testid="as-of-invalid">
              {t('asOf.invalid', { requested: data.asOfRejected, shown: formatMonth(data.asOf, lang) })}
            </p>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}

/** The as-of month: a GET form on the current page, submitted on change (a button without JavaScript). */
function AsOfSelect({ asOf, months }: { asOf: string | null; months: string[] }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const submit = useSubmit();
  const kept = [...new URLSearchParams(location.search)].filter(([k]) => k !== AS_OF_PARAM && k !== 'offset');
  return (
    <Form method="get" action={location.pathname} className="asof" preventScrollReset>
      {kept.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="asof-label">
        <Icon name="calendar" />
        <span>{t('asOf.label')}</span>
        <select
          key={asOf ?? 'none'}
          name={AS_OF_PARAM}
          defaultValue={asOf ?? ''}
          disabled={months.length === 0}
          onChange={(e) => submit(e.currentTarget.form, { preventScrollReset: true })}
        >
          {months.length === 0 ? <option value="">{t('asOf.none')}</option> : null}
          {months.map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, lang)}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit" className="button button-ghost">
          {t('asOf.apply')}
        </button>
      </noscript>
    </Form>
  );
}
