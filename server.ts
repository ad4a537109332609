/**
 * The dashboard's server (`npm start`): Express in front of the built Remix app (build/index.js,
 * public/build), so that every response carries the security headers (static files, Remix's own
 * 404/405/500s and redirects included) and a request is judged before the app reads it:
 *
 *   - methods other than GET, HEAD and POST: 405 with Allow (Remix would answer TRACE with a 500)
 *   - a body over BODY_LIMIT_BYTES: 413, by its Content-Length before a byte is read, or as soon as
 *     a body without one passes the limit; the app then gets the body already read
 *   - a POST whose Origin is not this host: 403 (Remix would abort a document POST with a 500)
 *   - the route manifest of lazy route discovery (/__manifest) names only the public routes to a
 *     browser without a session
 *   - X-Forwarded-For/-Host/-Proto are dropped unless KABA_TRUST_PROXY=1 (a client could forge them)
 *
 * The socket's address goes to the app in the load context (sign-in throttling, auth.server.ts).
 * PORT (default 3000), HOST (default all interfaces). Compression and TLS are the reverse proxy's.
 */
import { createRequestHandler, installGlobals, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node';
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { env } from './app/lib/env.server';
import { ALLOWED_METHODS, BODY_LIMIT_BYTES, CACHE_CONTROL, originIsHost, SECURITY_HEADERS } from './app/lib/http.server';

const ROOT = dirname(fileURLToPath(import.meta.url));
const BUILD = resolve(ROOT, 'build/index.js');

/** The routes a browser without a session may discover: the sign-in page and its two forms. */
const PUBLIC_PATHS = new Set(['/login', '/logout', '/language']);

/** What entry.server.tsx exports for this server beside Remix's own entry functions. */
interface EntryHooks {
  hasSession(request: Request): Promise<boolean>;
}

function refuse(res: ExpressResponse, status: number, error: string, message: string, headers: Record<string, string> = {}): void {
  res.status(status).set({ 'Cache-Control': CACHE_CONTROL.PRIVATE, ...headers }).json({ error, message });
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}

async function send(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** Reads the body up to the limit; null when it is larger (the rest is left unread). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.pause();
      done(null);
    };
    const onEnd = () => {
      stop();
      done(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      fail(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * 413, then the connection is closed. Closing at once would reset it while the client is still
 * sending, and a reset can throw away the answer before the client reads it; so what still arrives
 * in the next second is discarded unread (Node drops the rest of a request nobody reads), then the
 * connection is closed.
 */
function tooLarge(req: ExpressRequest, res: ExpressResponse): void {
  res.on('finish', () => setTimeout(() => req.socket.destroy(), 1000).unref());
  refuse(res, 413, 'payload_too_large', `request bodies are limited to ${BODY_LIMIT_BYTES} bytes`);
}

function createApp(build: ServerBuild): express.Express {
  const handle = createRequestHandler(build, process.env.NODE_ENV ?? build.mode);
  const hooks = build.entry.module as unknown as EntryHooks;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env.trustProxy ? 1 : false);

  // Every response gets each security header it does not set itself (documents set their own CSP).
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: ExpressResponse, ...args: unknown[]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!this.hasHeader(name)) this.setHeader(name, value);
      return (writeHead as (...a: unknown[]) => ExpressResponse).apply(this, args);
    } as typeof writeHead;
    if (!env.trustProxy) for (const h of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto']) delete req.headers[h];
    next();
  });

  app.use((req, res, next) => {
    if (!(ALLOWED_METHODS as readonly string[]).includes(req.method)) {
      return refuse(res, 405, 'method_not_allowed', `${req.method} is not allowed`, { Allow: ALLOWED_METHODS.join(', ') });
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > BODY_LIMIT_BYTES) return tooLarge(req, res);
    next();
  });

  app.use(build.publicPath, express.static(resolve(ROOT, build.assetsBuildDirectory), { immutable: true, maxAge: '1y', fallthrough: false, index: false }));
  // public/'s other files under their own paths only: express.static in front of every page looked each
  // page's path up on disk first and built an error (with its stack) for the miss, ~0.5 ms of CPU a page.
  // A folder is served as a whole, so a logo copied into public/letterhead/ shows without a restart.
  const publicDir = resolve(ROOT, 'public');
  const files = express.static(publicDir, { maxAge: '1h', index: false, fallthrough: false });
  for (const entry of readdirSync(publicDir, { withFileTypes: true })) {
    const path = `/${entry.name}`;
    if (!entry.isDirectory()) app.get(path, files);
    else if (`${path}/` !== build.publicPath) app.use(path, express.static(join(publicDir, entry.name), { maxAge: '1h', index: false, fallthrough: false }));
  }

  app.all('*', async (req, res, next) => {
    try {
      const host = (env.trustProxy && req.get('X-Forwarded-Host')) || req.get('Host') || '';
      const origin = req.get('Origin');
      if (req.method === 'POST' && origin !== undefined && !originIsHost(origin, host)) {
        return refuse(res, 403, 'csrf', 'the form came from another site: reload the page and try again');
      }
      let url: URL;
      try {
        url = new URL(req.originalUrl, `${req.protocol}://${host}`);
      } catch {
        return refuse(res, 400, 'bad_request', 'the request has no valid Host');
      }
      let body: BodyInit | undefined;
      if (req.method === 'POST') {
        const read = await readBody(req, BODY_LIMIT_BYTES);
        if (read === null) return tooLarge(req, res);
        body = read as unknown as BodyInit;
      }
      const controller = new AbortController();
      res.on('close', () => res.writableFinished || controller.abort());
      let request = new Request(url.href, { method: req.method, headers: requestHeaders(req), body, signal: controller.signal });
      if (url.pathname === '/__manifest' && !(await hooks.hasSession(request))) {
        const paths = url.searchParams.getAll('p').filter((p) => PUBLIC_PATHS.has(p));
        url.searchParams.delete('p');
        for (const p of paths) url.searchParams.append('p', p);
        request = new Request(url.href, request);
      }
      await send(res, await handle(request, { clientAddress: req.socket.remoteAddress }));
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    if (res.headersSent) return next(error);
    if (status === 404) return refuse(res, 404, 'not_found', 'no such file');
    if (typeof status === 'number' && status >= 400 && status < 500) return refuse(res, status, 'bad_request', 'the request could not be served');
    console.error(error);
    refuse(res, 500, 'server_error', 'the server could not answer: see its log');
  });
  return app;
}

async function main(): Promise<void> {
  if (!existsSync(BUILD)) {
    console.error(`[kaba] ${BUILD} is missing: run npm run build first`);
    process.exit(1);
  }
  installGlobals({ nativeFetch: false });
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  const app = createApp(build);
  const port = Number(process.env.PORT || 3000);
  const onListen = () => console.log(`[kaba] http://localhost:${port}`);
  const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
  // a slow client cannot hold a connection open for long with a trickle of headers or body
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // what Node's HTTP parser refuses (an unknown method, a malformed header) never reaches Express
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const headers = Object.entries({ ...SECURITY_HEADERS, 'Cache-Control': CACHE_CONTROL.PRIVATE, 'Content-Length': '0', Connection: 'close' });
    socket.end(`HTTP/1.1 ${status}\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
}

await main();
