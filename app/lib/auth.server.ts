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
 * Failed sign-ins are throttled by sign-in-throttle.server.ts (a lock per account and client,
 * delays per account and per address, never a lock of the account itself). The client address is
 * the socket's, passed by server.ts in the load context, or with KABA_TRUST_PROXY the last
 * X-Forwarded-For entry (the one the proxy added).
 *
 * A session is valid while its cookie is signed, younger than 8 hours, its id is listed by
 * sessions.server.ts (sign-out removes it), and the user still exists with the same session version.
 */
import { json, redirect } from '@remix-run/node';
import { safeEqual, randomToken } from './crypto.server';
import { env } from './env.server';
import { apiHeaders, clientError, originIsHost } from './http.server';
import { canSeePersonalData, type Role, type User } from './roles';
import { commitSession, destroySession, getSession, readDevice, rememberDevice, SESSION_TTL_MS, type KabaSession } from './session.server';
import { sessionStore } from './sessions.server';
import { SignInThrottle, type Attempt } from './sign-in-throttle.server';
import { normaliseName, publicUser, userStore } from './users.server';

export { canSeePersonalData };
export type { Role, User };

export const CSRF_FIELD = 'csrf';

// one throttle per server process, also across the development server's module reloads
const throttle = ((globalThis as typeof globalThis & { __kabaThrottle?: SignInThrottle }).__kabaThrottle ??= new SignInThrottle());

/** What the server (server.ts) tells the app about a request beyond the request itself. */
export interface RequestContext {
  /** the socket's remote address */
  clientAddress?: unknown;
}

/**
 * The client address for sign-in throttling: with KABA_TRUST_PROXY the proxy's X-Forwarded-For entry,
 * else the socket's address from server.ts ('unknown' when the app runs without it).
 */
export function clientAddress(request: Request, context: RequestContext = {}): string {
  if (env.trustProxy) {
    const forwarded = request.headers.get('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const socket = typeof context.clientAddress === 'string' ? context.clientAddress : '';
  return socket.replace(/^::ffff:/, '') || 'unknown';
}

const SITE = 'http://kaba.invalid';

/**
 * A redirect target that stays on this site, judged as a browser reads it: browsers drop tabs and
 * newlines from a URL and read `\` as `/`, so `/<TAB>/evil`, `/\evil` and `//evil` all name another
 * host and are refused. The answer is the URL parser's own serialisation (no control characters ever
 * reach a Location header); the fallback for anything else, and for the sign-in page itself (a loop).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(to, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE || url.pathname === '/login' || url.pathname.startsWith('/login/')) return fallback;
  return url.pathname + url.search + url.hash;
}

type SessionCheck = { user: User; session: KabaSession } | { user: null; session: KabaSession; expired: boolean };

/**
 * The check of each request in flight, by its abort signal: Remix hands every loader of a document its
 * own copy of the Request, but all copies share the one signal server.ts made for the HTTP request.
 * The root, layout and page loaders then read the cookie, the users and the sessions files once.
 * Only for GET and HEAD: after an action (which may end or change the session) it is checked again.
 */
const checks = new WeakMap<AbortSignal, Promise<SessionCheck>>();

function sessionUser(request: Request): Promise<SessionCheck> {
  const signal = request.signal as AbortSignal | null;
  if (!signal || (request.method !== 'GET' && request.method !== 'HEAD')) return checkSession(request);
  let check = checks.get(signal);
  if (!check) checks.set(signal, (check = checkSession(request)));
  return check;
}

async function checkSession(request: Request): Promise<SessionCheck> {
  const session = await getSession(request);
  const name = session.get('user');
  if (!name) return { user: null, session, expired: false };
  const issuedAt = session.get('issued_at') ?? 0;
  if (Date.now() - issuedAt > SESSION_TTL_MS) return { user: null, session, expired: true };
  const stored = await userStore().get(name);
  // A removed user, or a password changed since this sign-in, ends the session.
  if (!stored || stored.session_version !== session.get('sv')) return { user: null, session, expired: true };
  // Signed out (or ended by the CLI): the cookie may live on in a copy, the session does not.
  const sid = session.get('sid');
  if (!sid || !(await sessionStore().isActive(sid, stored.name))) return { user: null, session, expired: true };
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

/** The action of a read-only API route: 401 without credentials, like its GET, else 405. */
export async function readOnlyApiAction({ request }: { request: Request }): Promise<Response> {
  await requireApiUser(request);
  return clientError(405, 'method_not_allowed', `${request.method} is not allowed here: use GET`, { Allow: 'GET, HEAD' });
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
  return originIsHost(origin, (env.trustProxy && request.headers.get('X-Forwarded-Host')) || new URL(request.url).host);
}

/** Throws a 403 when the form fails the CSRF check. */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  if (!(await csrfValid(request, form))) {
    throw json({ error: 'csrf', message: 'the form expired or came from another site: reload the page and try again' }, { status: 403, headers: apiHeaders() });
  }
}

export type SignInResult =
  | { ok: true; user: User; setCookies: string[] }
  | { ok: false; status: 400 | 401 | 403 | 429; reason: 'missing' | 'failed' | 'csrf' | 'rateLimited'; retryAfterMinutes?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks a sign-in form (name, password, csrf) against the throttle and the user store. */
export async function signIn(request: Request, form: FormData, context: RequestContext = {}): Promise<SignInResult> {
  if (!(await csrfValid(request, form))) return { ok: false, status: 403, reason: 'csrf' };
  const name = normaliseName(String(form.get('username') ?? '')).slice(0, 64);
  const password = String(form.get('password') ?? '');
  if (!name || !password) return { ok: false, status: 400, reason: 'missing' };
  const device = await readDevice(request);
  const attempt: Attempt = { account: name, address: clientAddress(request, context), knownDevice: device?.accounts.includes(name) ? device.id : null };
  const verdict = throttle.check(attempt);
  if (verdict.refuseMs > 0) return { ok: false, status: 429, reason: 'rateLimited', retryAfterMinutes: Math.max(1, Math.ceil(verdict.refuseMs / 60_000)) };
  if (verdict.waitMs > 0) await sleep(verdict.waitMs);
  const stored = await userStore().verify(name, password);
  if (!stored) {
    throttle.failed(attempt);
    console.warn(`[kaba] failed sign-in for ${JSON.stringify(name.slice(0, 32))} from ${attempt.address}`);
    return { ok: false, status: 401, reason: 'failed' };
  }
  throttle.succeeded(attempt);
  const session = await getSession(request);
  // A fresh session: a new id and CSRF token, nothing carried over from before the sign-in.
  for (const key of ['user', 'issued_at', 'sv', 'sid', 'csrf'] as const) session.unset(key);
  session.set('user', stored.name);
  session.set('issued_at', Date.now());
  session.set('sv', stored.session_version);
  session.set('sid', await sessionStore().create(stored.name, SESSION_TTL_MS));
  session.set('csrf', randomToken());
  const setCookies = [await commitSession(session, request), await rememberDevice(device, randomToken(16), stored.name, request)];
  return { ok: true, user: publicUser(stored), setCookies };
}

/** Ends the session, on the server too: the Set-Cookie value that clears it. */
export async function signOut(request: Request): Promise<string> {
  const session = await getSession(request);
  const sid = session.get('sid');
  if (sid) await sessionStore().end(sid);
  return destroySession(session, request);
}
