/**
 * The route sheets of a saved plan, one collector per A4 page, outside the app's layout so that the
 * printout is the sheets only: order, customer, address, desa, arrears, overdue bills, last outcome,
 * phone, and columns to write the outcome and the amount collected in.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatDate, formatNumber, formatRupiahFull } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { collectionsScope } from '~/lib/collections/access.server';
import { savedPlan } from '~/lib/collections/plans.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import sheetStyles from '~/ui/collections/route-sheet.css';
import { titled } from '~/ui/meta';

export const meta = titled('rute.sheet');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sheetStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.collections });
  const scope = collectionsScope(user);
  const id = params.plan ?? '';
  if (!scope || !/^[1-9]\d{0,9}$/.test(id)) throw json({ id }, { status: 404 });
  const saved = await savedPlan(scope, Number(id));
  if (!saved) throw json({ id }, { status: 404 });
  return json({ saved }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function RouteSheets() {
  const { saved } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const plan = saved.plan;
  return (
    <main className="sheets">
      <p className="sheets-tools">
        <Link to={`/collections/routes/${saved.plan_id}`}>{t('rute.planNo', { id: saved.plan_id })}</Link>
      </p>
      {plan.routes.map((r) => (
        <section key={r.collector_id} className="sheet" data-testid="route-sheet" data-collector={r.collector_id} aria-labelledby={`sheet-${r.collector_id}`}>
          <h1 id={`sheet-${r.collector_id}`}>
            {t('rute.sheet')} · {t('rute.sheetHead', { team: plan.team_name, collector: r.collector_name, date: formatDate(plan.date, lang) })}
          </h1>
          <p>
            {t('rute.planNo', { id: saved.plan_id })} · {formatNumber(r.stops.length, lang)} · {formatNumber(Math.round(r.length_m / 100) / 10, lang)} km
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rute.s.seq')}</th>
                <th scope="col">{t('rute.s.customer')}</th>
                <th scope="col">{t('rute.s.address')}</th>
                <th scope="col">{t('rute.s.desa')}</th>
                <th scope="col">{t('rute.s.amount')}</th>
                <th scope="col">{t('rute.s.bills')}</th>
                <th scope="col">{t('rute.s.lastOutcome')}</th>
                <th scope="col">{t('rute.s.phone')}</th>
                <th scope="col">{t('rute.s.outcome')}</th>
                <th scope="col">{t('rute.s.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {r.stops.map((s) => (
                <tr key={s.customer_id}>
                  <td className="num">{s.seq}</td>
                  <th scope="row">
                    {s.name}
                    <br />
                    {s.customer_id}
                  </th>
                  <td>{s.address}</td>
                  <td>{s.desa_name}</td>
                  <td className="num">{formatRupiahFull(s.arrears, lang)}</td>
                  <td className="num">{s.overdue_bills}</td>
                  <td>{s.last_outcome ? t(`col.outcome.${s.last_outcome}` as MessageKey) : '–'}</td>
                  <td>{s.phone}</td>
                  <td className="write" />
                  <td className="write" />
                </tr>
              ))}
            </tbody>
          </table>
          <p className="sheet-sign">{t('rute.signature')}: ______________________</p>
        </section>
      ))}
    </main>
  );
}
