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
 * handleDataRequest) and resource routes that build their response with `apiHeaders()` / `secureResponse()`.
 * Static files are served by remix-serve's express.static, which the app cannot reach: they are
 * scripts, styles and images with correct content types and carry no data.
 */
import { randomBytes } from 'node:crypto';

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
