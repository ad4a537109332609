import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useT } from '~/i18n';
import { getUser, safeRedirect, signIn } from '~/lib/auth.server';
import { apiHeaders, readForm } from '~/lib/http.server';
import { userStore } from '~/lib/users.server';
import { CsrfInput } from '~/ui/csrf-input';
import { LanguageSwitch } from '~/ui/language-switch';
import { Logo } from '~/ui/logo';

export const meta: MetaFunction = () => [{ title: 'Masuk · Kaba' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getUser(request)) throw redirect(safeRedirect(url.searchParams.get('redirectTo')), { headers: apiHeaders() });
  return json({ noUsers: (await userStore().count()) === 0 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const result = await signIn(request, form, context);
  if (result.ok) {
    const headers = apiHeaders();
    for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie);
    return redirect(safeRedirect(form.get('redirectTo')), { headers });
  }
  return json(
    { reason: result.reason, minutes: result.retryAfterMinutes ?? 0, username: String(form.get('username') ?? '').slice(0, 64) },
    { status: result.status },
  );
}

export default function Login() {
  const { noUsers } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === 'submitting';
  const message = failure
    ? failure.reason === 'rateLimited'
      ? t('login.rateLimited', { minutes: failure.minutes })
      : t(failure.reason === 'csrf' ? 'login.csrf' : failure.reason === 'missing' ? 'login.missing' : 'login.failed')
    : null;
  const notice = params.get('expired') ? t('login.expired') : params.get('signedOut') ? t('login.signedOut') : null;
  return (
    <main className="standalone login">
      <div className="standalone-lang">
        <LanguageSwitch />
      </div>
      <div className="standalone-card">
        <div className="login-brand">
          <Logo size={44} />
          <div>
            <p className="login-name">Kaba</p>
            <p className="muted">{t('login.lead')}</p>
          </div>
        </div>
        <h1>{t('login.title')}</h1>
        {message ? (
          <p className="alert alert-error" role="alert">
            {message}
          </p>
        ) : notice ? (
          <p className="alert alert-info" role="status">
            {notice}
          </p>
        ) : null}
        {noUsers ? (
          <div className="alert alert-info">
            <p>{t('login.noUsers')}</p>
            <pre>
              <code>npm run user -- add admin --role admin</code>
            </pre>
          </div>
        ) : null}
        <Form method="post" className="form-stack">
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
          <label className="field">
            <span>{t('login.username')}</span>
            <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required defaultValue={failure?.username ?? ''} />
          </label>
          <label className="field">
            <span>{t('login.password')}</span>
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('login.submit')}
          </button>
        </Form>
      </div>
    </main>
  );
}
