/**
 * Data (directors and admins): the load history and the rejected rows with their reasons, a page at
 * a time; admins also set the arrears reduction target here (stored in settings.json).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { useLang, useT } from '~/i18n';
import { formatDate, formatMonth, formatNumber, formatRupiahFull } from '~/i18n/format';
import { AS_OF_PARAM } from '~/lib/as-of';
import { requireCsrf, requireUser } from '~/lib/auth.server';
import { filesWithRejects, intParam, loadHistory, rejectsPage } from '~/lib/data.server';
import { canChangeSettings, SECTION_ROLES } from '~/lib/roles';
import { scopeFor } from '~/lib/scope.server';
import { checkArrearsTarget, readSettings, settingsStore } from '~/lib/settings.server';
import { warehouseFreshness, withWarehouse } from '~/lib/warehouse.server';
import { CsrfInput } from '~/ui/csrf-input';
import { titled } from '~/ui/meta';

export const meta = titled('nav.data');

const REJECTS_PER_PAGE = 50;
const FILES_SHOWN = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.data });
  const params = new URL(request.url).searchParams;
  const file = params.get('file') || null;
  const offset = intParam(params.get('offset'), 0, Number.MAX_SAFE_INTEGER);
  const [warehouse, freshness, settings] = await Promise.all([
    withWarehouse(async (wh) => ({
      files: await loadHistory(wh),
      rejects: await rejectsPage(wh, { file, offset, limit: REJECTS_PER_PAGE, scope: scopeFor(user) }),
      rejectFiles: await filesWithRejects(wh),
    })),
    warehouseFreshness(),
    readSettings(),
  ]);
  return json({
    files: warehouse.files.slice(-FILES_SHOWN).reverse(),
    filesCount: warehouse.files.length,
    rejects: warehouse.rejects,
    rejectFiles: warehouse.rejectFiles,
    derivedAt: freshness.derivedAt,
    target: settings.arrears_target,
    canEditTarget: canChangeSettings(user),
    defaultBaseMonth: freshness.lastCompleteMonth,
    saved: params.get('saved') === 'target',
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ['admin'] });
  const form = await request.formData();
  await requireCsrf(request, form);
  const back = new URL('/data?saved=target', request.url);
  const asOf = new URL(request.url).searchParams.get(AS_OF_PARAM);
  if (asOf) back.searchParams.set(AS_OF_PARAM, asOf);
  if (form.get('intent') === 'clear') {
    await settingsStore().clearArrearsTarget();
    return redirect(back.pathname + back.search);
  }
  const values = {
    percent: String(form.get('percent') ?? ''),
    by_date: String(form.get('by_date') ?? ''),
    base_month: String(form.get('base_month') ?? ''),
  };
  const check = checkArrearsTarget(values);
  if (!check.ok) return json({ field: check.field, values }, { status: 400 });
  await settingsStore().setArrearsTarget(check.value, user.name);
  return redirect(back.pathname + back.search);
}

export default function DataPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('data.title')}</h1>
        <p className="muted">
          {t('data.lead')}
          {data.derivedAt ? ` ${t('data.derivedAt', { at: `${formatDate(data.derivedAt, lang)} ${data.derivedAt.slice(11, 16)}` })}.` : ''}
        </p>
      </header>
      <TargetSection />
      <section className="panel" aria-labelledby="loads-title">
        <div className="panel-head">
          <h2 id="loads-title">{t('data.loads.title')}</h2>
          <span className="badge">{t('data.loads.count', { count: formatNumber(data.filesCount, lang) })}</span>
        </div>
        {data.files.length === 0 ? (
          <p className="muted">{t('data.loads.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('data.col.file')}</th>
                  <th scope="col">{t('data.col.kind')}</th>
                  <th scope="col">{t('data.col.loadedAt')}</th>
                  <th scope="col" className="num">{t('data.col.read')}</th>
                  <th scope="col" className="num">{t('data.col.loaded')}</th>
                  <th scope="col" className="num">{t('data.col.rejected')}</th>
                  <th scope="col" className="num">{t('data.col.replaced')}</th>
                  <th scope="col" className="num">{t('data.col.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {data.files.map((f) => (
                  <tr key={f.file_id}>
                    <td>
                      <span className="mono">{f.file_name}</span>
                    </td>
                    <td>
                      {f.kind}
                      {f.format !== f.kind ? <span className="muted"> · {f.format}</span> : null}
                    </td>
                    <td className="nowrap">
                      {formatDate(f.loaded_at, lang, 'short')} {f.loaded_at.slice(11, 16)}
                    </td>
                    <td className="num">{formatNumber(f.rows_read, lang)}</td>
                    <td className="num">{formatNumber(f.rows_loaded, lang)}</td>
                    <td className={f.rows_rejected > 0 ? 'num warn' : 'num'}>{formatNumber(f.rows_rejected, lang)}</td>
                    <td className="num">{formatNumber(f.rows_replaced, lang)}</td>
                    <td className="num">{f.amount_loaded > 0 ? formatRupiahFull(f.amount_loaded, lang) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <RejectsSection />
    </div>
  );
}

function RejectsSection() {
  const { rejects, rejectFiles } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const pageLink = (offset: number) => {
    const p = new URLSearchParams(location.search);
    p.set('offset', String(offset));
    p.delete('saved');
    return `${location.pathname}?${p.toString()}`;
  };
  const from = rejects.count === 0 ? 0 : rejects.offset + 1;
  const to = rejects.offset + rejects.rows.length;
  const bulan = new URLSearchParams(location.search).get(AS_OF_PARAM);
  return (
    <section className="panel" aria-labelledby="rejects-title">
      <div className="panel-head">
        <h2 id="rejects-title">{t('data.rejects.title')}</h2>
        <span className="badge badge-warn" data-testid="rejects-count">
          {t('data.rejects.count', { count: formatNumber(rejects.count, lang) })}
        </span>
      </div>
      {rejectFiles.length > 1 ? (
        <Form method="get" className="inline-form">
          {bulan ? <input type="hidden" name={AS_OF_PARAM} value={bulan} /> : null}
          <label className="field-inline">
            <span>{t('data.col.file')}</span>
            <select name="file" defaultValue={rejects.file ?? ''} key={rejects.file ?? ''}>
              <option value="">{t('data.rejects.allFiles')}</option>
              {rejectFiles.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button-ghost">
            {t('data.rejects.filter')}
          </button>
        </Form>
      ) : null}
      {rejects.personal_data_hidden ? <p className="muted">{t('data.rejects.hiddenNote')}</p> : null}
      {rejects.count === 0 ? (
        <p className="muted">{t('data.rejects.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table-rejects">
              <thead>
                <tr>
                  <th scope="col">{t('data.col.file')}</th>
                  <th scope="col" className="num">{t('data.col.line')}</th>
                  <th scope="col">{t('data.col.reason')}</th>
                  <th scope="col">{t('data.col.raw')}</th>
                </tr>
              </thead>
              <tbody>
                {rejects.rows.map((r) => (
                  <tr key={`${r.file_name}:${r.line}`}>
                    <td>
                      <span className="mono">{r.file_name}</span>
                    </td>
                    <td className="num">{formatNumber(r.line, lang)}</td>
                    <td>{r.reason}</td>
                    <td>{r.raw === null ? <em className="muted">{t('data.rejects.hidden')}</em> : <code className="raw">{r.raw}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('data.page.label')}>
            <span className="muted">{t('data.rejects.range', { from: formatNumber(from, lang), to: formatNumber(to, lang), count: formatNumber(rejects.count, lang) })}</span>
            <span className="pager-links">
              {rejects.offset > 0 ? (
                <Link to={pageLink(Math.max(0, rejects.offset - rejects.limit))} className="button button-ghost" preventScrollReset>
                  {t('data.page.prev')}
                </Link>
              ) : null}
              {to < rejects.count ? (
                <Link to={pageLink(rejects.offset + rejects.limit)} className="button button-ghost" preventScrollReset>
                  {t('data.page.next')}
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      )}
    </section>
  );
}

function TargetSection() {
  const { target, canEditTarget, defaultBaseMonth, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const percentText = (p: number) => (lang === 'id' ? String(p).replace('.', ',') : String(p));
  const error =
    failure?.field === 'percent' ? t('data.target.invalidPercent') : failure?.field === 'by_date' ? t('data.target.invalidDate') : failure?.field === 'base_month' ? t('data.target.invalidMonth') : null;
  return (
    <section className="panel" aria-labelledby="target-title">
      <div className="panel-head">
        <h2 id="target-title">{t('data.target.title')}</h2>
      </div>
      <p className="muted">{t('data.target.lead')}</p>
      {target ? (
        <p className="target-current" data-testid="arrears-target">
          <strong>
            {t('data.target.current', { percent: percentText(target.percent), base: formatMonth(target.base_month, lang), date: formatDate(target.by_date, lang) })}
          </strong>
          {target.set_by ? <span className="muted"> · {t('data.target.setBy', { name: target.set_by, at: formatDate(target.set_at, lang, 'short') })}</span> : null}
        </p>
      ) : (
        <p data-testid="arrears-target">{t('data.target.none')}</p>
      )}
      {saved && !failure ? (
        <p className="alert alert-success" role="status">
          {t('data.target.saved')}
        </p>
      ) : null}
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {canEditTarget ? (
        <Form method="post" className="target-form">
          <CsrfInput />
          <label className="field">
            <span>{t('data.target.percent')}</span>
            <input name="percent" inputMode="decimal" required defaultValue={failure?.values.percent ?? (target ? percentText(target.percent) : '25')} aria-invalid={failure?.field === 'percent' || undefined} />
          </label>
          <label className="field">
            <span>{t('data.target.baseMonth')}</span>
            <input name="base_month" type="month" required defaultValue={failure?.values.base_month ?? target?.base_month ?? defaultBaseMonth ?? ''} aria-invalid={failure?.field === 'base_month' || undefined} />
          </label>
          <label className="field">
            <span>{t('data.target.byDate')}</span>
            <input name="by_date" type="date" required defaultValue={failure?.values.by_date ?? target?.by_date ?? ''} aria-invalid={failure?.field === 'by_date' || undefined} />
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={navigation.state === 'submitting'}>
              {t('data.target.save')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
