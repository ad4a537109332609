/**
 * Renders documents, and puts the security headers on every response the app makes: documents get a
 * Content-Security-Policy with a fresh nonce for Remix's inline scripts (passed to <RemixServer> and,
 * through NonceContext, to root.tsx's <Scripts>); `?_data` responses get the API headers.
 */
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToString } from 'react-dom/server';
import { getUser } from './lib/auth.server';
import { createNonce, setApiHeaders, setDocumentHeaders } from './lib/http.server';
import { NonceContext } from './lib/nonce';
import { announceStartup } from './lib/startup.server';

void announceStartup();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
): Response {
  const nonce = createNonce();
  setDocumentHeaders(responseHeaders, nonce);
  // No page defers data (no defer/Suspense), so nothing is gained by streaming: the document is rendered
  // in one go. renderToPipeableStream pushed each page through Node and web streams in 2 KB chunks,
  // which cost a fifth of the server's CPU per overview page and ~140 MB more memory under load
  // (npm run bench:web). A page that defers data will need the streaming renderer back.
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  // A Buffer, not a string: the Response constructor would scan a string for lone surrogates.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  setApiHeaders(response.headers);
  return response;
};

/** For server.ts (not Remix): whether the request has a live session; the route manifest depends on it. */
export async function hasSession(request: Request): Promise<boolean> {
  return (await getUser(request)) !== null;
}
