/**
 * Data (directors and admins): the load history and the rejected rows with their reasons, a page at
 * a time; admins also set the arrears reduction target here (stored in settings.json).
 */
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { useLang, useT } from '~/i18n';
import { formatDate, formatDateTime, formatDecimal, formatMonth, formatNumber } from '~/i18n/format';
import { AS_OF_PARAM } from '~/lib/as-of';
import { requireCsrf, requireUser } from '~/lib/auth.server';
import { filesWithRejects, loadHistory, rejectsPage } from '~/lib/data.server';
import { readForm } from '~/lib/http.server';
import { canChangeSettings, SECTION_ROLES } from '~/lib/roles';
import { rawRejectsScopeFor } from '~/lib/scope.server';
import { checkArrearsTarget, readSettings, settingsStore } from '~/lib/settings.server';
import { loadsTable, rejectsTable } from '~/lib/tables/data-page.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { warehouseFreshness, withWarehouse } from '~/lib/warehouse.server';
import { CsrfInput } from '~/ui/csrf-input';
import { DataTable, dataTableStyles } from '~/ui/data-table';
import { titled } from '~/ui/meta';
import { LETTERS_INTENT, saveLetterSettings } from '~/lib/settings/letters-action.server';
import { parseLetterSettings } from '~/lib/settings/letters.server';
import { LetterSettingsForm } from '~/ui/settings/letters-form';
import { CollectionSettingsForm } from '~/ui/settings/collections-form';
import { COLLECTIONS_INTENT, parseCollectionSettings } from '~/lib/settings/collections';
import { saveCollectionSettings } from '~/lib/settings/collections.server';
import { saveTeamAreas, TEAM_AREAS_INTENT, teamAreasSection } from '~/lib/settings/team-areas-action.server';
import { TeamAreasForm } from '~/ui/settings/team-areas-form';
import { REPORTS_INTENT, saveReportSettings } from '~/lib/settings/reports-action.server';
import { parseReportSettings } from '~/lib/settings/reports.server';
import { ReportSettingsForm } from '~/ui/settings/reports-form';
import letterStyles from '~/ui/letters/letters.css';

export const meta = titled('nav.data');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: dataTableStyles }, { rel: 'stylesheet', href: letterStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.data });
  const params = new URL(request.url).searchParams;
  const file = params.get('file') || null;
  const ctx = tableContext(user);
  const loadsQuery = tableQuery(loadsTable, params);
  const rejectsQuery = tableQuery(rejectsTable, params);
  const settings = await readSettings();
  const [warehouse, freshness, teamAreas] = await Promise.all([
    withWarehouse(async (wh) => ({
      files: await loadHistory(wh),
      rejects: await rejectsPage(wh, { file, offset: rejectsQuery.offset, limit: rejectsQuery.pageSize, scope: rawRejectsScopeFor(user) }),
      rejectFiles: await filesWithRejects(wh),
    })),
    warehouseFreshness(),
    teamAreasSection(settings),
  ]);
  return json({
    loads: tableView(loadsTable, warehouse.files, loadsQuery, ctx, {}),
    rejects: tableView(rejectsTable, warehouse.rejects, rejectsQuery, ctx, { file }),
    rejectFile: file,
    rejectsHidden: warehouse.rejects.personal_data_hidden,
    rejectFiles: warehouse.rejectFiles,
    derivedAt: freshness.derivedAt,
    target: settings.arrears_target,
    letters: settings.letters ?? parseLetterSettings(null),
    collections: settings.collections ?? parseCollectionSettings(null),
    teamAreas,
    reportSettings: settings.reports ?? parseReportSettings(null),
    canEditTarget: canChangeSettings(user),
    defaultBaseMonth: freshness.lastCompleteMonth,
    saved: params.get('saved') === 'target',
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ['admin'] });
  const form = await readForm(request);
  await requireCsrf(request, form);
  const back = new URL('/data?saved=target', request.url);
  const asOf = new URL(request.url).searchParams.get(AS_OF_PARAM);
  if (asOf) back.searchParams.set(AS_OF_PARAM, asOf);
  if (form.get('intent') === LETTERS_INTENT) return saveLetterSettings(form, user, back.pathname + back.search);
  if (form.get('intent') === COLLECTIONS_INTENT) return saveCollectionSettings(form, user, back.pathname + back.search);
  if (form.get('intent') === TEAM_AREAS_INTENT) return saveTeamAreas(form, user, back.pathname + back.search);
  if (form.get('intent') === REPORTS_INTENT) return saveReportSettings(form, user, back.pathname + back.search);
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
          {data.derivedAt ? ` ${t('data.derivedAt', { at: formatDateTime(data.derivedAt, lang, 'long') })}.` : ''}
        </p>
      </header>
      <TargetSection />
      <LetterSettingsForm settings={data.letters} canEdit={data.canEditTarget} />
      <CollectionSettingsForm settings={data.collections} canEdit={data.canEditTarget} />
      <TeamAreasForm section={data.teamAreas} canEdit={data.canEditTarget} />
      <ReportSettingsForm settings={data.reportSettings} canEdit={data.canEditTarget} />
      <section className="panel" aria-labelledby="loads-title">
        <div className="panel-head">
          <h2 id="loads-title">{t('data.loads.title')}</h2>
          <span className="badge">{t('data.loads.count', { count: formatNumber(data.loads.count, lang) })}</span>
        </div>
        <DataTable
          view={data.loads}
          label={t('data.loads.title')}
          rowKey={(f) => `${f.file_name}:${f.loaded_at}`}
          cellClass={{ rows_rejected: (f) => (f.rows_rejected > 0 ? 'warn' : undefined) }}
          empty={t('data.loads.empty')}
        />
      </section>
      <RejectsSection />
    </div>
  );
}

function RejectsSection() {
  const { rejects, rejectFile, rejectsHidden, rejectFiles } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const location = useLocation();
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
            <select name="file" defaultValue={rejectFile ?? ''} key={rejectFile ?? ''}>
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
      {rejectsHidden ? <p className="muted">{t('data.rejects.hiddenNote')}</p> : null}
      <DataTable
        view={rejects}
        label={t('data.rejects.title')}
        rowKey={(r) => `${r.file_name}:${r.line}`}
        cell={{ raw: (r) => (r.raw === null ? <em className="muted">{t('data.rejects.hidden')}</em> : <code className="raw">{r.raw}</code>) }}
        empty={t('data.rejects.empty')}
      />
    </section>
  );
}

function TargetSection() {
  const { target, canEditTarget, defaultBaseMonth, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  // stored with at most one decimal (settings.server.ts): 25 → `25`, 12.5 → `12,5`
  const percentText = (p: number) => formatDecimal(p, lang, Number.isInteger(p) ? 0 : 1);
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
