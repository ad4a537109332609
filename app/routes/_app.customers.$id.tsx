/**
 * A customer's ledger (`/customers/:id?bulan=YYYY-MM`): who they are, what they owe overdue and hold
 * as credit, every bill, payment and write-off with the running balance, the collectors' visits and
 * the letters that listed them with their follow-up; a WhatsApp reminder link. Personal data: only
 * for directors, supervisors and admins (a manager gets 403).
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLang, useT } from '~/i18n';
import { titled } from '~/ui/meta';
import { statusValues } from '~/i18n/code-words';
import { formatDate, formatMonth, formatNumber, formatRupiahFull } from '~/i18n/format';
import { withAsOf } from '~/lib/as-of';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { CUSTOMER_ID } from '~/lib/ledger/api-params.server';
import { ledgerView } from '~/lib/ledger/ledger.server';
import { arrearsPath } from '~/lib/arrears/paths';
import { ledgerTable, ledgerVisitsTable } from '~/lib/tables/ledger.server';
import { SEALING_ROLES } from '~/lib/tables/sealing.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { asOfMonth } from '~/lib/warehouse.server';
import { monthEnd } from '../../etl/domain/period';
import { DataTable, dataTableStyles } from '~/ui/data-table';
import { AreaLetters } from '~/ui/letters/area-letters';
import styles from '~/ui/letters/letters.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: styles },
];

export const meta = titled<typeof loader>((data) => ({ key: 'ledger.title', vars: { name: data?.customer.name ?? '' } }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SEALING_ROLES });
  const id = params.id ?? '';
  const month = await asOfMonth(request);
  if (!CUSTOMER_ID.test(id) || !month) throw json({ id }, { status: 404 });
  const view = await ledgerView(id, month, user);
  if (!view) throw json({ id }, { status: 404 });
  const query = tableQuery(ledgerTable, new URL(request.url).searchParams);
  const ctx = tableContext(user);
  const table = tableView(ledgerTable, view, query, ctx, { customerId: id, month });
  const visits = tableView(ledgerVisitsTable, view, tableQuery(ledgerVisitsTable, new URL(request.url).searchParams), ctx, { customerId: id, month });
  const { lines: _lines, visits: _visits, ...rest } = view;
  return json({ ...rest, month, table, visits }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function CustomerLedgerPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const c = data.customer;
  const bills = data.overdue.filter((d) => d.period).length;
  return (
    <div className="page" data-customer={c.customer_id}>
      <nav aria-label="breadcrumb" className="lt-subnav">
        <Link to={withAsOf('/arrears', data.month)}>{t('section.arrears')}</Link>
        <span aria-hidden="true">›</span>
        <Link to={withAsOf(arrearsPath({ kecamatan: c.kecamatan_code }), data.month)}>{c.kecamatan_name}</Link>
        <span aria-hidden="true">›</span>
        <Link to={withAsOf(arrearsPath({ kecamatan: c.kecamatan_code, desa: c.desa_code }), data.month)}>{c.desa_name}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('ledger.title', { name: c.name })}</h1>
        <p className="muted">{t('ledger.subtitle', { id: c.customer_id, date: formatDate(monthEnd(data.month), lang) })}</p>
      </header>
      <section className="panel" aria-labelledby="ledger-customer">
        <h2 id="ledger-customer" className="visually-hidden">
          {t('ledger.customer')}
        </h2>
        <div className="lt-figures">
          <div>
            <p className="muted">{t('ledger.arrears')}</p>
            <p className="lt-figure" data-testid="ledger-arrears" data-value={data.arrears}>
              {formatRupiahFull(data.arrears, lang)}
            </p>
            <p className="muted">
              {t('ledger.overdue', { count: formatNumber(bills, lang) })}
              {bills > 0 ? ` (${data.overdue.flatMap((d) => (d.period ? [formatMonth(d.period, lang, 'short')] : [])).join(', ')})` : ''}
            </p>
          </div>
          <div>
            <p className="muted">{t('ledger.credit')}</p>
            <p className="lt-figure" data-testid="ledger-credit">
              {formatRupiahFull(data.credit, lang)}
            </p>
          </div>
        </div>
        <dl className="lt-facts">
          <div>
            <dt>{t('ledger.address')}</dt>
            <dd>{c.address}</dd>
          </div>
          <div>
            <dt>{t('ledger.area')}</dt>
            <dd>
              {c.desa_name}, {c.kecamatan_name}
            </dd>
          </div>
          <div>
            <dt>{t('ledger.tariff')}</dt>
            <dd>{c.tariff_class}</dd>
          </div>
          <div>
            <dt>{t('ledger.status')}</dt>
            <dd>{statusValues[c.status] ? t(statusValues[c.status]) : c.status}</dd>
          </div>
          <div>
            <dt>{t('ledger.phone')}</dt>
            <dd>{c.phone || t('table.missing')}</dd>
          </div>
        </dl>
        {data.whatsapp ? (
          <a className="button button-primary lt-wa" href={data.whatsapp} target="_blank" rel="noopener noreferrer" data-testid="whatsapp">
            {t('ledger.whatsapp')}
          </a>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="ledger-lines">
        <h2 id="ledger-lines">{t('ledger.lines')}</h2>
        <DataTable view={data.table} label={t('ledger.lines')} rowKey={(l) => `${l.date}:${l.kind}:${l.reference ?? l.period ?? ''}:${l.balance}`} testId="ledger-table" />
      </section>
      <section className="panel" aria-labelledby="ledger-visits">
        <h2 id="ledger-visits">{t('ledger.visits')}</h2>
        {data.visits.rows.length === 0 ? (
          <p className="muted">{t('ledger.noVisits')}</p>
        ) : (
          <DataTable view={data.visits} label={t('ledger.visits')} rowKey={(v) => `${v.visited_at}:${v.collector_id}`} testId="ledger-visits" />
        )}
      </section>
      <AreaLetters letters={data.letters} title={t('ledger.letters')} customer={c.customer_id} />
    </div>
  );
}
