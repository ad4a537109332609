/**
 * Requests as an outside prober sends them, with node:http rather than a browser or fetch: any method
 * (TRACE), any body (none, JSON, 200 MB, chunked), and from a chosen loopback address (127.0.0.x) so a
 * test can be two clients on two addresses, or two people behind one office NAT.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** the client's source address, 127.0.0.x */
  from?: string;
  /** the request's body, written as it is read (chunked unless Content-Length is set) */
  stream?: AsyncIterable<Buffer>;
}

export function raw(baseURL: string, path: string, options: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        // as a browser would send it for this URL (Origin checks compare with it)
        headers: { Host: url.host, ...options.headers },
        localAddress: options.from,
      },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    let responded = false;
    // a streamed body may still be on its way when the server answers and closes: the answer counts
    req.on('error', (error) => (options.stream ? setTimeout(() => responded || reject(error), 2000) : reject(error)));
    if (options.stream) {
      void (async () => {
        try {
          for await (const chunk of options.stream!) {
            if (req.destroyed) return;
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
          }
          req.end();
        } catch {
          // the server closed the connection while we were still sending: the answer is what counts
        }
      })();
    } else {
      req.end(options.body);
    }
  });
}

/** The name=value pairs of a response's Set-Cookie headers, as a Cookie header (merged into jar). */
export function cookies(res: RawResponse, jar = ''): string {
  const map = new Map(jar.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c] as const));
  for (const line of res.headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0];
    map.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return [...map.values()].join('; ');
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' } as const;

/** The CSRF token of the page's forms. */
export function csrfOf(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF field in the page');
  return token;
}

export interface Client {
  /** the Cookie header this client sends */
  jar: string;
  csrf: string;
}

/** A browser-like client: opens the sign-in page (an anonymous session with a CSRF token). */
export async function anonymous(baseURL: string, from?: string, jar = ''): Promise<Client> {
  const page = await raw(baseURL, '/login', { from, headers: jar ? { Cookie: jar } : {} });
  return { jar: cookies(page, jar), csrf: csrfOf(page.body) };
}

/** Posts the sign-in form; the response (302 on success) and the client with its new cookies. */
export async function postSignIn(
  baseURL: string,
  client: Client,
  name: string,
  password: string,
  options: { from?: string; redirectTo?: string } = {},
): Promise<{ res: RawResponse; client: Client }> {
  const res = await raw(baseURL, '/login', {
    method: 'POST',
    from: options.from,
    headers: { ...FORM, Cookie: client.jar },
    body: form({ csrf: client.csrf, username: name, password, redirectTo: options.redirectTo ?? '/' }),
  });
  return { res, client: { ...client, jar: cookies(res, client.jar) } };
}

/** Signs in and returns the signed-in client with the CSRF token of its new session. */
export async function signedIn(baseURL: string, name: string, password: string, from?: string): Promise<Client> {
  const { res, client } = await postSignIn(baseURL, await anonymous(baseURL, from), name, password, { from });
  if (res.status !== 302) throw new Error(`sign-in of ${name} answered ${res.status}: ${res.body.slice(0, 200)}`);
  // the session's new CSRF token, from a light page of the app
  const page = await raw(baseURL, '/collections', { from, headers: { Cookie: client.jar } });
  return { jar: cookies(page, client.jar), csrf: csrfOf(page.body) };
}
