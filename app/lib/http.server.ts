/**
 * HTTP policy as named constants: the security headers of every response the app makes, and caching.
 *
 * Documents get a Content-Security-Policy whose scripts must come from this origin or carry the
 * request's nonce (Remix's inline hydration scripts get it through <Scripts nonce>). Styles allow
 * 'unsafe-inline' because the server-rendered ECharts SVG carries style attributes; with scripts locked
 * down, inline style is not a way to run code. Data, API and other non-HTML responses get a policy
 * that allows nothing at all.
 *
 * Coverage: documents (entry.server handleRequest), `?_data` loader/action responses (entry.server
 * handleDataRequest) and resource routes that build their response with `apiHeaders()` / `secureResponse()`;
 * everything else the server answers (static files, Remix's own 404/405/500s, redirects thrown
 * without headers, the server's 405/413/403) gets SECURITY_HEADERS from server.ts, for every header a
 * response does not set itself.
 *
 * Requests: only GET, HEAD and POST (ALLOWED_METHODS); bodies are forms of a few hundred bytes, so
 * server.ts refuses any over BODY_LIMIT_BYTES with 413 before reading it, and readForm() answers 415
 * for a body that is not a form and 400 for one that cannot be read.
 */
import { randomBytes } from 'node:crypto';
import { json } from '@remix-run/node';

export const CACHE_CONTROL = {
  /** signed-in pages and API answers: personal and financial data, never stored by a browser or proxy */
  PRIVATE: 'private, no-store',
} as const;

const COMMON: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** A fresh nonce for one document response. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function documentCsp(nonce: string, development = process.env.NODE_ENV === 'development'): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    // the development live-reload socket
    development ? `connect-src 'self' ws://localhost:* ws://127.0.0.1:*` : `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export const API_CSP = `default-src 'none'; frame-ancestors 'none'`;

/** The headers of a response that sets none itself (server.ts): the non-HTML policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = { 'Content-Security-Policy': API_CSP, ...COMMON };

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** The largest request body the server reads: every form is a few hundred bytes; nothing is uploaded. */
export const BODY_LIMIT_BYTES = 8 * 1024;

/** Whether a browser's Origin header names this host ('null' and unparsable origins never do). */
export function originIsHost(origin: string, host: string): boolean {
  try {
    const { host: originHost } = new URL(origin);
    return originHost !== '' && originHost === host;
  } catch {
    return false;
  }
}

/** Sets the document security headers on a page response. */
export function setDocumentHeaders(headers: Headers, nonce: string): void {
  headers.set('Content-Security-Policy', documentCsp(nonce));
  for (const [name, value] of Object.entries(COMMON)) headers.set(name, value);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', CACHE_CONTROL.PRIVATE);
}

/** Sets the security headers of a non-HTML response (data, JSON, CSV, redirects). */
export function setApiHeaders(headers: Headers): Headers {
  headers.set('Content-Security-Policy', API_CSP);
  for (const [name, value] of Object.entries(COMMON)) headers.set(name, value);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', CACHE_CONTROL.PRIVATE);
  return headers;
}

/** Headers for a resource route's response: `json(data, { headers: apiHeaders() })`. */
export function apiHeaders(extra?: HeadersInit): Headers {
  return setApiHeaders(new Headers(extra));
}

/** The same response with the API security headers added (for responses built elsewhere). */
export function secureResponse(response: Response): Response {
  setApiHeaders(response.headers);
  return response;
}

/** A client error as JSON with the API headers: `{ "error": code, "message": … }`. */
export function clientError(status: 400 | 403 | 405 | 413 | 415, error: string, message: string, headers?: HeadersInit): Response {
  return json({ error, message }, { status, headers: apiHeaders(headers) });
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** The request's form; throws 415 for a body that is not a form, 400 for a form that cannot be read. */
export async function readForm(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get('Content-Type') ?? '')) {
    throw clientError(415, 'unsupported_media_type', 'send a form: application/x-www-form-urlencoded or multipart/form-data');
  }
  try {
    return await request.formData();
  } catch {
    throw clientError(400, 'bad_request', 'the form could not be read');
  }
}
