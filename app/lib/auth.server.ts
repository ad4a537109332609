/**
 * Who is asking, and may they. Every loader and action calls one of these itself: Remix runs a
 * route's loader alone on client-side navigation (`?_data=`), so a layout's check protects nothing.
 *
 *   requireUser(request, { roles })     pages: no session → redirect to /login?redirectTo=…,
 *                                        wrong role → 403 (the layout shows "no access")
 *   requireApiUser(request, { roles })   API: `Authorization: Bearer <token>` or the session cookie;
 *                                        none → 401 JSON, wrong role → 403 JSON
 *   requireCsrf(request, form)           every state-changing form: the session's token must come back
 *                                        in the `csrf` field, and a cross-origin Origin is refused
 *   canSeePersonalData(user)             director, supervisor, admin; not manager
 *
 * Failed sign-ins are limited in memory: 5 per account and 20 per client address in 15 minutes.
 * Without KABA_TRUST_PROXY the server does not learn client addresses (remix-serve does not pass
 * them on), so the address limit then counts all direct clients together.
 */
import { json, redirect } from '@remix-run/node';
import { safeEqual, randomToken } from './crypto.server';
import { env } from './env.server';
import { apiHeaders } from './http.server';
import { RateLimiter } from './rate-limit.server';
import { canSeePersonalData, type Role, type User } from './roles';
import { commitSession, destroySession, getSession, SESSION_TTL_MS, type KabaSession } from './session.server';
import { normaliseName, publicUser, userStore } from './users.server';

export { canSeePersonalData };
export type { Role, User };

export const CSRF_FIELD = 'csrf';

export const LOGIN_LIMITS = {
  account: { limit: 5, windowMs: 15 * 60 * 1000 },
  address: { limit: 20, windowMs: 15 * 60 * 1000 },
} as const;

const limiters = ((globalThis as typeof globalThis & { __kabaLimiters?: { account: RateLimiter; address: RateLimiter } }).__kabaLimiters ??= {
  account: new RateLimiter(LOGIN_LIMITS.account.limit, LOGIN_LIMITS.account.windowMs),
  address: new RateLimiter(LOGIN_LIMITS.address.limit, LOGIN_LIMITS.address.windowMs),
});

/** The client address for rate limits: the proxy's X-Forwarded-For entry when trusted, else 'direct'. */
export function clientAddress(request: Request): string {
  if (!env.trustProxy) return 'direct';
  const forwarded = request.headers.get('X-Forwarded-For');
  return forwarded?.split(',').at(-1)?.trim() || 'direct';
}

/** A redirect target that stays on this site (a path, not `//evil` or a URL). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  // back to the sign-in page would go round in circles
  if (to === '/login' || to.startsWith('/login?') || to.startsWith('/login/')) return fallback;
  return to;
}

type SessionCheck = { user: User; session: KabaSession } | { user: null; session: KabaSession; expired: boolean };

async function sessionUser(request: Request): Promise<SessionCheck> {
  const session = await getSession(request);
  const name = session.get('user');
  if (!name) return { user: null, session, expired: false };
  const issuedAt = session.get('issued_at') ?? 0;
  if (Date.now() - issuedAt > SESSION_TTL_MS) return { user: null, session, expired: true };
  const stored = await userStore().get(name);
  // A removed user, or a password changed since this sign-in, ends the session.
  if (!stored || stored.session_version !== session.get('sv')) return { user: null, session, expired: true };
  return { user: publicUser(stored), session };
}

/** The signed-in user of a page request, or null. */
export async function getUser(request: Request): Promise<User | null> {
  return (await sessionUser(request)).user;
}

function forbidden(user: User): Response {
  return json({ error: 'forbidden', role: user.role }, { status: 403, headers: apiHeaders() });
}

function loginRedirect(request: Request, expired: boolean): Response {
  const url = new URL(request.url);
  url.searchParams.delete('_data');
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (expired) params.set('expired', '1');
  return redirect(`/login?${params.toString()}`, { headers: apiHeaders() });
}

/** The signed-in user of a page; throws a redirect to the sign-in page, or a 403 for a role not in roles. */
export async function requireUser(request: Request, options: { roles?: readonly Role[] } = {}): Promise<User> {
  const check = await sessionUser(request);
  if (!check.user) throw loginRedirect(request, check.expired);
  if (options.roles && !options.roles.includes(check.user.role)) throw forbidden(check.user);
  return check.user;
}

function unauthorized(message: string): Response {
  return json(
    { error: 'unauthorized', message },
    { status: 401, headers: apiHeaders({ 'WWW-Authenticate': 'Bearer realm="kaba"' }) },
  );
}

/**
 * The user of an API request: a Bearer token (npm run user -- token NAME) or a signed-in session.
 * Throws a 401 JSON Response without either (or with a token that is not valid), 403 for a wrong role.
 */
export async function requireApiUser(request: Request, options: { roles?: readonly Role[] } = {}): Promise<User> {
  const header = request.headers.get('Authorization');
  let user: User | null;
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('Authorization must be "Bearer <token>"');
    const stored = await userStore().findByToken(match[1]);
    if (!stored) throw unauthorized('the token is not valid (npm run user -- token NAME makes one)');
    user = publicUser(stored);
  } else {
    user = (await sessionUser(request)).user;
    if (!user) throw unauthorized('sign in, or send Authorization: Bearer <token> (npm run user -- token NAME)');
  }
  if (options.roles && !options.roles.includes(user.role)) throw forbidden(user);
  return user;
}

/**
 * The CSRF token of this browser's session, creating an anonymous session for it when there is none
 * yet (the sign-in form needs one too). setCookie is the Set-Cookie value to send when it was created.
 */
export async function csrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const session = await getSession(request);
  const existing = session.get('csrf');
  if (existing) return { token: existing, setCookie: null };
  const token = randomToken();
  session.set('csrf', token);
  return { token, setCookie: await commitSession(session, request) };
}

/** Whether the form came from this site: the session's CSRF token is in the form, and Origin (if sent) is ours. */
export async function csrfValid(request: Request, form: FormData): Promise<boolean> {
  const origin = request.headers.get('Origin');
  if (origin !== null && !sameSite(origin, request)) return false;
  const sent = form.get(CSRF_FIELD);
  const expected = (await getSession(request)).get('csrf');
  return typeof sent === 'string' && typeof expected === 'string' && expected.length > 0 && safeEqual(sent, expected);
}

/** Origin names this server's host (the scheme may differ behind a TLS proxy; 'null' never matches). */
function sameSite(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = (env.trustProxy && request.headers.get('X-Forwarded-Host')) || new URL(request.url).host;
  return host !== '' && host === expected;
}

/** Throws a 403 when the form fails the CSRF check. */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  if (!(await csrfValid(request, form))) {
    throw json({ error: 'csrf', message: 'the form expired or came from another site: reload the page and try again' }, { status: 403, headers: apiHeaders() });
  }
}

export type SignInResult =
  | { ok: true; user: User; setCookie: string }
  | { ok: false; status: 400 | 401 | 403 | 429; reason: 'missing' | 'failed' | 'csrf' | 'rateLimited'; retryAfterMinutes?: number };

/** Checks a sign-in form (name, password, csrf) against the rate limits and the user store. */
export async function signIn(request: Request, form: FormData): Promise<SignInResult> {
  if (!(await csrfValid(request, form))) return { ok: false, status: 403, reason: 'csrf' };
  const name = normaliseName(String(form.get('username') ?? ''));
  const password = String(form.get('password') ?? '');
  if (!name || !password) return { ok: false, status: 400, reason: 'missing' };
  const address = clientAddress(request);
  const waitMs = Math.max(limiters.account.retryAfterMs(name), limiters.address.retryAfterMs(address));
  if (waitMs > 0) return { ok: false, status: 429, reason: 'rateLimited', retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
  const stored = await userStore().verify(name, password);
  if (!stored) {
    limiters.account.fail(name);
    limiters.address.fail(address);
    console.warn(`[kaba] failed sign-in for "${name.slice(0, 32)}" from ${address}`);
    return { ok: false, status: 401, reason: 'failed' };
  }
  limiters.account.reset(name);
  const session = await getSession(request);
  // A fresh session: a new CSRF token, nothing carried over from before the sign-in.
  for (const key of ['user', 'issued_at', 'sv', 'csrf'] as const) session.unset(key);
  session.set('user', stored.name);
  session.set('issued_at', Date.now());
  session.set('sv', stored.session_version);
  session.set('csrf', randomToken());
  return { ok: true, user: publicUser(stored), setCookie: await commitSession(session, request) };
}

/** Ends the session: the Set-Cookie value that clears it. */
export async function signOut(request: Request): Promise<string> {
  const session = await getSession(request);
  return destroySession(session, request);
}
