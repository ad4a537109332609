/**
 * Sign-in, sessions, API tokens, CSRF and the sign-in limits, through the real modules with a users
 * file in a temporary folder (the environment is set before the modules load).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Auth = typeof import('../../../app/lib/auth.server');
type Users = typeof import('../../../app/lib/users.server');

const dir = mkdtempSync(join(tmpdir(), 'kaba-auth-'));
let auth: Auth;
let users: Users;
const BASE = 'http://kaba.test';

beforeAll(async () => {
  vi.stubEnv('KABA_USERS', join(dir, 'users.json'));
  vi.stubEnv('SESSION_SECRET', 'a-test-secret-that-is-long-enough-0123456789');
  vi.stubEnv('KABA_TRUST_PROXY', '');
  auth = await import('../../../app/lib/auth.server');
  users = await import('../../../app/lib/users.server');
  const store = users.userStore();
  await store.add({ name: 'direktur', role: 'director', password: 'direktur-pass' });
  await store.add({ name: 'manajer', role: 'manager', password: 'manajer-pass' });
  await store.add({ name: 'sari', role: 'supervisor', teams: ['T01'], password: 'sari-pass-1' });
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const cookieOf = (setCookie: string) => setCookie.split(';')[0];

/** A browser's anonymous session: its cookie and CSRF token. */
async function anonymous(): Promise<{ cookie: string; csrf: string }> {
  const { token, setCookie } = await auth.csrfToken(new Request(`${BASE}/login`));
  return { cookie: cookieOf(setCookie!), csrf: token };
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): { request: Request; form: FormData } {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return { request: new Request(`${BASE}${path}`, { method: 'POST', headers }), form };
}

async function signedIn(name: string, password: string): Promise<string> {
  const { cookie, csrf } = await anonymous();
  const { request, form } = post('/login', { csrf, username: name, password }, { Cookie: cookie });
  const result = await auth.signIn(request, form);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return cookieOf(result.setCookies[0]);
}

async function thrown(work: () => Promise<unknown>): Promise<Response> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error('expected a thrown Response');
}

describe('signIn', () => {
  it('signs in with the right password and refuses a wrong one', async () => {
    const { cookie, csrf } = await anonymous();
    const wrong = await auth.signIn(...args(post('/login', { csrf, username: 'direktur', password: 'nope-nope' }, { Cookie: cookie })));
    expect(wrong).toEqual({ ok: false, status: 401, reason: 'failed' });
    const right = await auth.signIn(...args(post('/login', { csrf, username: 'Direktur', password: 'direktur-pass' }, { Cookie: cookie })));
    expect(right).toMatchObject({ ok: true, user: { name: 'direktur', role: 'director', teams: [] } });
  });

  it('refuses a form without the session’s CSRF token', async () => {
    const { cookie } = await anonymous();
    const other = await anonymous();
    const result = await auth.signIn(...args(post('/login', { csrf: other.csrf, username: 'direktur', password: 'direktur-pass' }, { Cookie: cookie })));
    expect(result).toEqual({ ok: false, status: 403, reason: 'csrf' });
  });

  it('limits failures per account: after 5, even the right password waits', async () => {
    const { cookie, csrf } = await anonymous();
    for (let i = 0; i < 5; i++) {
      const r = await auth.signIn(...args(post('/login', { csrf, username: 'manajer', password: `wrong-${i}` }, { Cookie: cookie })));
      expect(r).toMatchObject({ ok: false, reason: 'failed' });
    }
    const r = await auth.signIn(...args(post('/login', { csrf, username: 'manajer', password: 'manajer-pass' }, { Cookie: cookie })));
    expect(r).toMatchObject({ ok: false, status: 429, reason: 'rateLimited', retryAfterMinutes: 15 });
    // other accounts are not affected
    expect((await auth.signIn(...args(post('/login', { csrf, username: 'sari', password: 'sari-pass-1' }, { Cookie: cookie })))).ok).toBe(true);
  });
});

function args(p: { request: Request; form: FormData }): [Request, FormData] {
  return [p.request, p.form];
}

describe('requireUser (pages)', () => {
  it('redirects to the sign-in page with the page to come back to', async () => {
    const res = await thrown(() => auth.requireUser(new Request(`${BASE}/data?bulan=2025-04&_data=routes%2F_app.data`)));
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fdata%3Fbulan%3D2025-04');
  });

  it('returns the signed-in user, without secrets', async () => {
    const cookie = await signedIn('sari', 'sari-pass-1');
    const user = await auth.requireUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } }));
    expect(user).toEqual({ name: 'sari', role: 'supervisor', teams: ['T01'] });
  });

  it('answers 403 to a role that may not open the page', async () => {
    const cookie = await signedIn('sari', 'sari-pass-1');
    const res = await thrown(() => auth.requireUser(new Request(`${BASE}/data`, { headers: { Cookie: cookie } }), { roles: ['director', 'admin'] }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'forbidden', role: 'supervisor' });
  });

  it('ends a session after 8 hours, whatever the cookie says', async () => {
    const cookie = await signedIn('sari', 'sari-pass-1');
    const request = () => new Request(`${BASE}/`, { headers: { Cookie: cookie } });
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + 8 * 3600_000 - 60_000);
    try {
      expect((await auth.requireUser(request())).name).toBe('sari');
      spy.mockReturnValue(now + 8 * 3600_000 + 60_000);
      const res = await thrown(() => auth.requireUser(request()));
      expect(res.headers.get('Location')).toBe('/login?redirectTo=%2F&expired=1');
    } finally {
      spy.mockRestore();
    }
  });

  it('ends sessions when the password changes or the user is removed', async () => {
    const store = users.userStore();
    await store.add({ name: 'temp', role: 'manager', password: 'temp-pass-1' });
    const cookie = await signedIn('temp', 'temp-pass-1');
    const request = () => new Request(`${BASE}/`, { headers: { Cookie: cookie } });
    expect((await auth.requireUser(request())).name).toBe('temp');
    await store.setPassword('temp', 'temp-pass-2');
    expect((await thrown(() => auth.requireUser(request()))).status).toBe(302);
    const again = await signedIn('temp', 'temp-pass-2');
    await store.remove('temp');
    expect((await thrown(() => auth.requireUser(new Request(`${BASE}/`, { headers: { Cookie: again } })))).status).toBe(302);
  });

  it('refuses a tampered cookie', async () => {
    const cookie = await signedIn('sari', 'sari-pass-1');
    const [name, value] = cookie.split('=');
    const [payload, signature] = decodeURIComponent(value).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64').toString()), user: 'direktur' })).toString('base64');
    const res = await thrown(() => auth.requireUser(new Request(`${BASE}/`, { headers: { Cookie: `${name}=${encodeURIComponent(`${forged}.${signature}`)}` } })));
    expect(res.status).toBe(302);
  });
});

describe('requireApiUser (API)', () => {
  it('answers 401 JSON without credentials or with a bad token', async () => {
    for (const headers of [{}, { Authorization: 'Bearer kaba_not-a-token' }, { Authorization: 'Basic abc' }] as Record<string, string>[]) {
      const res = await thrown(() => auth.requireApiUser(new Request(`${BASE}/api/v1/me`, { headers })));
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toContain('Bearer');
      expect(res.headers.get('Content-Type')).toContain('application/json');
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('accepts a Bearer token with its user’s role, or the session', async () => {
    const { token } = await users.userStore().createToken('manajer');
    const user = await auth.requireApiUser(new Request(`${BASE}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } }));
    expect(user).toEqual({ name: 'manajer', role: 'manager', teams: [] });
    const res = await thrown(() => auth.requireApiUser(new Request(`${BASE}/api/v1/x`, { headers: { Authorization: `Bearer ${token}` } }), { roles: ['admin'] }));
    expect(res.status).toBe(403);
    const cookie = await signedIn('sari', 'sari-pass-1');
    expect((await auth.requireApiUser(new Request(`${BASE}/api/v1/me`, { headers: { Cookie: cookie } }))).name).toBe('sari');
  });
});

describe('csrfValid', () => {
  it('wants the session’s token back, and no foreign Origin', async () => {
    const cookie = await signedIn('sari', 'sari-pass-1');
    const session = await auth.csrfToken(new Request(`${BASE}/`, { headers: { Cookie: cookie } }));
    expect(session.setCookie).toBeNull();
    const check = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      auth.csrfValid(...args(post('/data', fields, { Cookie: cookie, ...headers })));
    expect(await check({ csrf: session.token })).toBe(true);
    expect(await check({ csrf: session.token }, { Origin: BASE })).toBe(true);
    expect(await check({ csrf: session.token }, { Origin: 'https://kaba.test' })).toBe(true); // TLS proxy in front
    expect(await check({ csrf: session.token }, { Origin: 'http://evil.test' })).toBe(false);
    expect(await check({ csrf: session.token }, { Origin: 'null' })).toBe(false);
    expect(await check({ csrf: session.token.slice(1) })).toBe(false);
    expect(await check({})).toBe(false);
    expect(await auth.csrfValid(...args(post('/data', { csrf: session.token })))).toBe(false); // no session cookie
  });
});

describe('safeRedirect', () => {
  it('keeps redirects on this site and away from the sign-in page', () => {
    expect(auth.safeRedirect('/data?bulan=2025-04')).toBe('/data?bulan=2025-04');
    for (const bad of ['//evil.test', '/\\evil.test', 'https://evil.test', 'data', '', null, '/login', '/login?redirectTo=/login']) {
      expect(auth.safeRedirect(bad)).toBe('/');
    }
  });

  it('judges the target as a browser does: tabs and newlines dropped, a backslash read as a slash', () => {
    for (const bad of ['/\t/evil.test', '/\n/evil.test', '/\r\n/evil.test', '\t//evil.test', '/\t\\evil.test', ' //evil.test', '/\t/login']) {
      expect(auth.safeRedirect(bad), JSON.stringify(bad)).toBe('/');
    }
    // what comes back is the parser's serialisation: nothing raw reaches a Location header
    expect(auth.safeRedirect('/kecamatan/17.02.09?bulan=2025-06#peta')).toBe('/kecamatan/17.02.09?bulan=2025-06#peta');
    expect(auth.safeRedirect('/a b\u0001c')).toBe('/a%20b%01c');
  });
});

describe('signOut', () => {
  it('ends the session on the server: a copy of the cookie no longer signs in', async () => {
    const cookie = await signedIn('sari', 'sari-pass-1');
    const request = () => new Request(`${BASE}/`, { headers: { Cookie: cookie } });
    expect((await auth.requireUser(request())).name).toBe('sari');
    await auth.signOut(request());
    expect((await thrown(() => auth.requireUser(request()))).status).toBe(302);
  });
});

// Last: it fails 20 times from the one address these tests share, after which attempts here wait.
describe('signIn, per address', () => {
  it('twenty failures on other names from one address slow it down but refuse no one’s right password', async () => {
    const { cookie, csrf } = await anonymous();
    for (let i = 0; i < 20; i++) await auth.signIn(...args(post('/login', { csrf, username: `nobody${i}`, password: 'whatever1' }, { Cookie: cookie })));
    const started = Date.now();
    const r = await auth.signIn(...args(post('/login', { csrf, username: 'direktur', password: 'direktur-pass' }, { Cookie: cookie })));
    expect(r).toMatchObject({ ok: true, user: { name: 'direktur' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });
});
