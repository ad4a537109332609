/**
 * Renders documents, and puts the security headers on every response the app makes: documents get a
 * Content-Security-Policy with a fresh nonce for Remix's inline scripts (passed to <RemixServer> and,
 * through NonceContext, to root.tsx's <Scripts>); `?_data` responses get the API headers.
 */
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToString } from 'react-dom/server';
import { getUser } from './lib/auth.server';
import { cutAtNonce, DocumentCache, documentKey, withNonce } from './lib/document-cache.server';
import { createNonce, setApiHeaders, setDocumentHeaders } from './lib/http.server';
import { NonceContext } from './lib/nonce';
import { announceStartup } from './lib/startup.server';

void announceStartup();

/** Documents already rendered (document-cache.server.ts); 48 MB holds e.g. 40 of the largest channel pages. */
const documents = new DocumentCache(48 * 1024 * 1024);
/** The nonce documents are rendered with, replaced by each response's own: never sent. */
const NONCE_PLACEHOLDER = createNonce();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
): Response {
  const nonce = createNonce();
  setDocumentHeaders(responseHeaders, nonce);
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  // An error page is not kept: its render may read more of the error than the handoff holds.
  const handoff = remixContext.serverHandoffString;
  const key = responseStatusCode === 200 && !remixContext.staticHandlerContext.errors && handoff !== undefined ? documentKey(request.url, handoff) : null;
  let parts = key === null ? undefined : documents.get(key);
  if (!parts) {
    parts = cutAtNonce(`<!DOCTYPE html>${render(request, remixContext, NONCE_PLACEHOLDER)}`, NONCE_PLACEHOLDER);
    if (key !== null) documents.set(key, parts);
  }
  // A Buffer, not a string: the Response constructor would scan a string for lone surrogates.
  return new Response(withNonce(parts, nonce), { headers: responseHeaders, status: responseStatusCode });
}

function render(request: Request, remixContext: EntryContext, nonce: string): string {
  // No page defers data (no defer/Suspense), so nothing is gained by streaming: the document is rendered
  // in one go. renderToPipeableStream pushed each page through Node and web streams in 2 KB chunks,
  // which cost a fifth of the server's CPU per overview page and ~140 MB more memory under load
  // (npm run bench:web). A page that defers data will need the streaming renderer back.
  return renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  setApiHeaders(response.headers);
  return response;
};

/** For server.ts (not Remix): whether the request has a live session; the route manifest depends on it. */
export async function hasSession(request: Request): Promise<boolean> {
  return (await getUser(request)) !== null;
}
