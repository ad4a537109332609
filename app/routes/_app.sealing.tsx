/**
 * Sealing candidates (`/sealing?bulan=YYYY-MM` with the arrears filters): active connections that meet
 * the sealing policy (a setting, shown here in words), grouped by kecamatan and desa, exportable; for
 * each desa a form to make its sealing notices (one letter per candidate).
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { monthEnd } from '../../etl/domain/period';
import { useLang, useT } from '~/i18n';
import { formatDate, formatNumber, formatRupiahFull } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { sealingPolicyText } from '~/lib/letters/policy-text';
import { pageWindow, tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { loadSealingByDesa, loadSealingPage, SEALING_ROLES, sealingTable } from '~/lib/tables/sealing.server';
import { canIssueLetters } from '~/lib/letters/roles';
import { CsrfInput } from '~/ui/csrf-input';
import { DataTable, dataTableStyles } from '~/ui/data-table';
import { LettersSubNav } from '~/ui/letters/sub-nav';
import styles from '~/ui/letters/letters.css';
import { titled } from '~/ui/meta';
import { BadParam } from '~/lib/tables/define.server';
import { apiHeaders } from '~/lib/http.server';

export const meta = titled('sealing.title');

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: styles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SEALING_ROLES });
  const params = new URL(request.url).searchParams;
  const input = await sealingTable.input(params).catch((error) => {
    if (error instanceof BadParam) throw json({ error: 'bad_request', param: error.param, message: error.message }, { status: 400, headers: apiHeaders() });
    throw error;
  });
  const query = tableQuery(sealingTable, params);
  const ctx = tableContext(user);
  const [page, desa] = await Promise.all([loadSealingPage(input, ctx.scope, pageWindow(query)), loadSealingByDesa(input)]);
  return json(
    {
      month: input.month,
      policy: input.policy,
      count: page.count,
      total: page.total_arrears,
      desa,
      table: tableView(sealingTable, page, query, ctx, input),
      canIssue: canIssueLetters(user),
    },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function SealingPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <div className="page">
      <LettersSubNav />
      <header className="page-header">
        <h1>{t('sealing.title')}</h1>
        <p className="muted">{t('sealing.lead', { date: formatDate(monthEnd(data.month), lang) })}</p>
        <p data-testid="sealing-policy">{sealingPolicyText(data.policy, lang)}</p>
        <p>
          <strong data-testid="sealing-count" data-value={data.count}>
            {t('sealing.count', { count: formatNumber(data.count, lang) })}
          </strong>{' '}
          · {formatRupiahFull(data.total, lang)}
        </p>
      </header>
      <section className="panel" aria-labelledby="sealing-desa">
        <h2 id="sealing-desa">{t('sealing.byArea')}</h2>
        {data.desa.length === 0 ? (
          <p className="muted">{t('sealing.empty')}</p>
        ) : (
          <ul className="lt-follow">
            {data.desa.map((d) => (
              <li key={d.desa_code} className="lt-desa-row" data-desa={d.desa_code}>
                <Link to={`/sealing?desa=${d.desa_code}&bulan=${data.month}`}>
                  {d.kecamatan_name} › {d.desa_name}
                </Link>
                <span>
                  {formatNumber(d.customers, lang)} {t('sealing.col.customers').toLowerCase()} · {formatRupiahFull(d.arrears, lang)}
                </span>
                {data.canIssue ? (
                  <Form method="post" action="/letters" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="kind" value="segel" />
                    <input type="hidden" name="area" value={d.desa_code} />
                    <input type="hidden" name="as_of" value={data.month} />
                    <button type="submit" className="button button-ghost">
                      {t('sealing.printDesa')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="sealing-list">
        <h2 id="sealing-list">{t('sealing.title')}</h2>
        <DataTable
          view={data.table}
          label={t('sealing.title')}
          rowKey={(r) => r.customer_id}
          cell={{ customer_id: (r) => <Link to={`/customers/${r.customer_id}?bulan=${data.month}`}>{r.customer_id}</Link> }}
          empty={t('sealing.empty')}
          testId="sealing-table"
        />
      </section>
    </div>
  );
}
