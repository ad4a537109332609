/**
 * Tunggakan, customer level: the customers in arrears of one desa/kelurahan
 * (`/arrears/17.02.09/17.02.09.1001`), sorted and paged on the server, each linked to their ledger
 * (/customers/<id>). Personal data: a role without it gets 403.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useT } from '~/i18n';
import { titled } from '~/ui/meta';
import { drillPageBase, drillTable } from '~/lib/arrears/page.server';
import { requireUser } from '~/lib/auth.server';
import { withAsOf } from '~/lib/as-of';
import { CACHE_CONTROL } from '~/lib/http.server';
import { areaLetters } from '~/lib/letters/area-letters.server';
import { arrearsCustomersTable, CUSTOMER_LIST_ROLES } from '~/lib/tables/arrears.server';
import { DrillHead } from '~/ui/arrears/area-level';
import arrearsStyles from '~/ui/arrears/arrears.css';
import { DataTable, dataTableStyles } from '~/ui/data-table';
import { AreaLetters } from '~/ui/letters/area-letters';
import styles from '~/ui/overview.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: arrearsStyles },
];

export const meta = titled<typeof loader>((data) => ({ key: 'arrears.customersTitle', vars: { name: data?.desa?.name ?? '' } }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: CUSTOMER_LIST_ROLES });
  const kecamatan = params.kecamatan ?? '';
  const { input, base } = await drillPageBase(request, user, { kecamatan, desa: params.desa ?? '' });
  const [{ source, view }, letters] = await Promise.all([
    drillTable(arrearsCustomersTable, request, user, input),
    // the letters sent about this desa (to its kepala desa or lurah, or to its customers), with their follow-up
    areaLetters(user, { area: params.desa ?? '' }),
  ]);
  return json(
    { ...base, total_arrears: source.total_arrears, customers: source.count, bills: source.total_bills, table: view, letters },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function ArrearsCustomersPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const name = data.desa?.name ?? '';
  return (
    <div className="ov ar" data-as-of={data.month} data-level="customer">
      <DrillHead data={data} title={t('arrears.customersTitle', { name })} total={{ arrears: data.total_arrears, customers: data.customers, bills: data.bills }} />
      <section className="panel ov-panel" aria-labelledby="ar-customers">
        <h2 id="ar-customers">{t('arrears.table.customers')}</h2>
        <DataTable
          view={data.table}
          label={t('arrears.table.customers')}
          rowKey={(r) => r.customer_id}
          rowData={(r) => ({ 'data-customer': r.customer_id })}
          cellClass={{ address: () => 'ar-address', name: () => 'ar-name' }}
          cell={{
            customer_id: (r, text) => (
              <Link to={withAsOf(`/customers/${encodeURIComponent(r.customer_id)}`, data.month)} data-customer-link={r.customer_id}>
                {text}
              </Link>
            ),
          }}
          empty={t('arrears.empty')}
          testId="arrears-customers"
        />
      </section>
      <AreaLetters letters={data.letters} />
    </div>
  );
}
