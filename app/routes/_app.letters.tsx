/**
 * Letters (`/letters`): the form that issues a selection's letters (kind, area code, as-of month:
 * never a list of customers) and the issued letters with their follow-up, filterable by kind and area.
 * Issuing redirects to the print view of the batch. The same selection issued twice the same day is
 * refused with a message and a link to the letters already issued.
 */
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatMonth } from '~/i18n/format';
import { requireCsrf, requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL, readForm } from '~/lib/http.server';
import { areaLetters } from '~/lib/letters/area-letters.server';
import { isLetterKind, LETTER_KINDS } from '~/lib/letters/compose';
import { EmptySelectionError, issueSelection } from '~/lib/letters/issue.server';
import { canIssueLetters } from '~/lib/letters/roles';
import { areaChoices, DuplicateBatchError } from '~/lib/letters/store.server';
import { SEALING_ROLES } from '~/lib/tables/sealing.server';
import { asOfMonth, warehouseFreshness } from '~/lib/warehouse.server';
import { CsrfInput } from '~/ui/csrf-input';
import { AreaLetters } from '~/ui/letters/area-letters';
import { LettersSubNav } from '~/ui/letters/sub-nav';
import styles from '~/ui/letters/letters.css';
import { titled } from '~/ui/meta';

export const meta = titled('letters.title');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const AREA = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SEALING_ROLES });
  const params = new URL(request.url).searchParams;
  const area = params.get('area')?.trim() || null;
  const kind = params.get('kind')?.trim() || null;
  if (area !== null && !AREA.test(area)) throw json({ error: 'bad_request', param: 'area', message: 'area must be a kecamatan or desa code' }, { status: 400 });
  if (kind !== null && !isLetterKind(kind)) throw json({ error: 'bad_request', param: 'kind', message: `kind must be one of ${LETTER_KINDS.join(', ')}` }, { status: 400 });
  const [month, freshness, areas, letters] = await Promise.all([
    asOfMonth(request),
    warehouseFreshness(),
    areaChoices(),
    areaLetters(user, { area, kind }),
  ]);
  return json(
    { month, months: freshness.months, areas, letters, area, kind, canIssue: canIssueLetters(user) },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: SEALING_ROLES });
  const form = await readForm(request);
  await requireCsrf(request, form);
  if (!canIssueLetters(user)) return json({ error: 'forbidden' as const, message: '' }, { status: 403 });
  const kind = String(form.get('kind') ?? '');
  const area = String(form.get('area') ?? '').trim();
  const asOf = String(form.get('as_of') ?? '');
  const freshness = await warehouseFreshness();
  if (!isLetterKind(kind)) return json({ error: 'bad' as const, message: `kind: ${kind}` }, { status: 400 });
  if (!AREA.test(area)) return json({ error: 'bad' as const, message: `area: ${area}` }, { status: 400 });
  if (!freshness.months.includes(asOf)) return json({ error: 'bad' as const, message: `as_of: ${asOf}` }, { status: 400 });
  try {
    const { batch_id } = await issueSelection({ kind, area, asOf }, user);
    return redirect(`/print/letters/${batch_id}`);
  } catch (error) {
    if (error instanceof DuplicateBatchError) return json({ error: 'duplicate' as const, message: '', batch: error.batchId }, { status: 409 });
    if (error instanceof EmptySelectionError) return json({ error: 'bad' as const, message: error.message }, { status: 400 });
    throw error;
  }
}

export default function LettersPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  return (
    <div className="page">
      <LettersSubNav />
      <header className="page-header">
        <h1>{t('letters.title')}</h1>
        <p className="muted">{t('letters.lead')}</p>
      </header>
      {data.canIssue ? (
        <section className="panel" aria-labelledby="letters-issue">
          <h2 id="letters-issue">{t('letters.issue')}</h2>
          <p className="muted">{t('letters.issue.lead')}</p>
          {failure?.error === 'duplicate' ? (
            <p className="alert alert-error" role="alert">
              {t('letters.duplicate')} <Link to={`/print/letters/${failure.batch}`}>{t('letters.print')}</Link>
            </p>
          ) : failure?.error === 'bad' ? (
            <p className="alert alert-error" role="alert">
              {t('letters.bad', { message: failure.message })}
            </p>
          ) : null}
          <Form method="post" className="lt-form">
            <CsrfInput />
            <label className="field">
              <span>{t('letters.kind')}</span>
              <select name="kind" defaultValue="kepala-desa">
                {LETTER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`letters.kind.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('letters.area')}</span>
              <select name="area" defaultValue={data.area ?? data.areas[0]?.code}>
                {data.areas.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name} ({a.code})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('letters.asOf')}</span>
              <select name="as_of" defaultValue={data.month ?? undefined}>
                {[...data.months].reverse().map((m) => (
                  <option key={m} value={m}>
                    {formatMonth(m, lang)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button-primary" disabled={navigation.state === 'submitting'}>
              {t('letters.submit')}
            </button>
          </Form>
        </section>
      ) : null}
      <Form method="get" className="inline-form">
        <label className="field-inline">
          <span>{t('letters.kind')}</span>
          <select name="kind" defaultValue={data.kind ?? ''}>
            <option value="">{t('letters.allKinds')}</option>
            {LETTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`letters.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('letters.filterArea')}</span>
          <select name="area" defaultValue={data.area ?? ''}>
            <option value="">—</option>
            {data.areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-ghost">
          {t('letters.filter')}
        </button>
      </Form>
      <AreaLetters letters={data.letters} title={t('letters.list')} />
    </div>
  );
}
