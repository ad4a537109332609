/**
 * Rendered documents, kept by what they are rendered from, so that a page asked for again with the
 * same data is not rendered again.
 *
 * A document is a pure function of its URL and of the data Remix hands to the browser (every route's
 * loader data, action data and errors: the server handoff). entry.server.tsx keys a document by both,
 * after the loaders ran, so a new load, a changed setting, a letter issued or another user all make
 * other data and so another key: nothing is ever served stale, and there is nothing to invalidate.
 * The one per-response part, the CSP nonce, is rendered as a placeholder and put in per response.
 * React's server render was half of a page's CPU (npm run bench:web), and on two cores a page under
 * 20 clients may spend about 6 ms (README, Performance).
 */
import { createHash } from 'node:crypto';

/** A rendered document cut at its nonce placeholders: the nonce goes between each two parts. */
export type DocumentParts = readonly Buffer[];

export function documentKey(url: string, handoff: string): string {
  return createHash('sha256').update(url).update('\0').update(handoff).digest('base64');
}

/** Cuts a document rendered with `placeholder` as its nonce into the parts around it. */
export function cutAtNonce(html: string, placeholder: string): DocumentParts {
  return html.split(placeholder).map((part) => Buffer.from(part));
}

/** The document with `nonce` where the placeholder was. */
export function withNonce(parts: DocumentParts, nonce: string): Buffer<ArrayBuffer> {
  const between = Buffer.from(nonce);
  const out = Buffer.allocUnsafe(parts.reduce((sum, part) => sum + part.length, between.length * (parts.length - 1)));
  let at = 0;
  parts.forEach((part, i) => {
    if (i > 0) at += between.copy(out, at);
    at += part.copy(out, at);
  });
  return out;
}

/** Least recently used documents up to a number of bytes; a document over a quarter of it is not kept. */
export class DocumentCache {
  private readonly entries = new Map<string, { parts: DocumentParts; bytes: number }>();
  private held = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): DocumentParts | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.parts;
  }

  set(key: string, parts: DocumentParts): void {
    const bytes = parts.reduce((sum, part) => sum + part.length, 0);
    if (bytes > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.held -= old.bytes;
    }
    for (const [oldest, entry] of this.entries) {
      if (this.held + bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.held -= entry.bytes;
    }
    this.entries.set(key, { parts, bytes });
    this.held += bytes;
  }

  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }
}
