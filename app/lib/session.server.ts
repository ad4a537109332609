/**
 * The session cookie: signed (HMAC) with SESSION_SECRET, HttpOnly, SameSite=Lax, Secure on HTTPS,
 * 8 hours at most (the cookie's Max-Age, and the server checks the sign-in time itself, so a kept
 * cookie does not outlive it). It carries the user name, the sign-in time, the session id (valid only
 * while sessions.server.ts lists it: sign-out ends it on the server), the user's session version
 * (a password change ends older sessions) and the CSRF token of the browser's forms.
 *
 * The device cookie (kaba_device, signed, HttpOnly, 90 days) names the accounts that signed in from
 * this browser, so that guessing from elsewhere never locks this browser out (sign-in-throttle.server.ts).
 *
 * Without SESSION_SECRET a secret is generated once into <dir of KABA_USERS>/session-secret (0600)
 * with a warning: sessions then survive restarts, and the operator can move it into the environment.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createCookie, createCookieSessionStorage, type Cookie, type Session, type SessionStorage } from '@remix-run/node';
import { env } from './env.server';

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'kaba_session';

export interface SessionData {
  user: string;
  /** sign-in time, ms since the epoch */
  issued_at: number;
  /** the user's session_version at sign-in */
  sv: number;
  /** the session id, listed in sessions.json while the session lasts */
  sid: string;
  csrf: string;
}

export interface FlashData {
  notice: 'signedOut' | 'targetSaved';
}

export type KabaSession = Session<SessionData, FlashData>;

function readSecretFile(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text.length >= 32 ? text : null;
  } catch {
    return null;
  }
}

/** SESSION_SECRET, or the stored generated one, or a new one stored now (with a warning). */
export function loadSessionSecret(path = env.sessionSecretFile): string {
  const fromEnv = process.env.SESSION_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) console.warn('[kaba] SESSION_SECRET is shorter than 32 characters: use a long random value');
    return fromEnv;
  }
  const stored = readSecretFile(path);
  if (stored) return stored;
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // another process wrote it first: use theirs
    const theirs = (error as NodeJS.ErrnoException).code === 'EEXIST' ? readSecretFile(path) : null;
    if (theirs) return theirs;
    throw error;
  }
  console.warn(`[kaba] SESSION_SECRET is not set: generated one and stored it in ${path} (mode 0600). Set SESSION_SECRET to choose it yourself.`);
  return secret;
}

let storage: SessionStorage<SessionData, FlashData> | null = null;

export function sessionStorage(): SessionStorage<SessionData, FlashData> {
  return (storage ??= createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: SESSION_COOKIE,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
      secrets: [loadSessionSecret()],
    },
  }));
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy). */
export function isSecureRequest(request: Request): boolean {
  if (env.cookieSecure !== null) return env.cookieSecure;
  if (new URL(request.url).protocol === 'https:') return true;
  return env.trustProxy && request.headers.get('X-Forwarded-Proto')?.split(',')[0].trim() === 'https';
}

export function getSession(request: Request): Promise<KabaSession> {
  return sessionStorage().getSession(request.headers.get('Cookie'));
}

export function commitSession(session: KabaSession, request: Request): Promise<string> {
  return sessionStorage().commitSession(session, { secure: isSecureRequest(request) });
}

export function destroySession(session: KabaSession, request: Request): Promise<string> {
  return sessionStorage().destroySession(session, { secure: isSecureRequest(request) });
}

export const DEVICE_COOKIE = 'kaba_device';
const DEVICE_TTL_S = 90 * 24 * 3600;
/** the accounts a device cookie remembers, most recent last */
const DEVICE_ACCOUNTS = 10;

export interface Device {
  id: string;
  accounts: string[];
}

let device: Cookie | null = null;
function deviceCookie(): Cookie {
  return (device ??= createCookie(DEVICE_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: DEVICE_TTL_S, secrets: [loadSessionSecret()] }));
}

/** The browser's device cookie, when it carries a valid signature. */
export async function readDevice(request: Request): Promise<Device | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get('Cookie'));
  const d = value as Partial<Device> | null;
  if (typeof d?.id !== 'string' || !Array.isArray(d.accounts)) return null;
  return { id: d.id, accounts: d.accounts.filter((a): a is string => typeof a === 'string') };
}

/** The Set-Cookie value remembering that `account` signed in from this browser. */
export function rememberDevice(current: Device | null, id: string, account: string, request: Request): Promise<string> {
  const accounts = [...(current?.accounts ?? []).filter((a) => a !== account), account].slice(-DEVICE_ACCOUNTS);
  return deviceCookie().serialize({ id: current?.id ?? id, accounts }, { secure: isSecureRequest(request) });
}
