import { describe, expect, it } from 'vitest';
import { cutAtNonce, DocumentCache, documentKey, withNonce } from '../../../app/lib/document-cache.server';

const PLACEHOLDER = 'PLACEHOLDERxxxxxxxxxxx==';
const page = (body: string) => `<html><script nonce="${PLACEHOLDER}">a</script>${body}<script nonce="${PLACEHOLDER}">b</script></html>`;

describe('rendered documents kept by what they are rendered from', () => {
  it('puts each response’s own nonce where the document was rendered with the placeholder', () => {
    const parts = cutAtNonce(page('<p>Rp47.602.000</p>'), PLACEHOLDER);
    expect(parts).toHaveLength(3);
    expect(withNonce(parts, 'n0nce1').toString()).toBe('<html><script nonce="n0nce1">a</script><p>Rp47.602.000</p><script nonce="n0nce1">b</script></html>');
    expect(withNonce(parts, 'other').toString()).not.toContain('n0nce1');
    expect(withNonce(cutAtNonce('<p>no script</p>', PLACEHOLDER), 'x').toString()).toBe('<p>no script</p>');
  });

  it('keys a document by its URL and its handoff data: other data or another page is another key', () => {
    const handoff = JSON.stringify({ state: { loaderData: { root: { csrf: 'a' }, page: { arrears: 47602000 } } } });
    const key = documentKey('http://kaba/arrears/17.02.09?bulan=2026-11', handoff);
    expect(documentKey('http://kaba/arrears/17.02.09?bulan=2026-11', handoff)).toBe(key);
    expect(documentKey('http://kaba/arrears/17.02.09?bulan=2026-10', handoff)).not.toBe(key);
    expect(documentKey('http://kaba/arrears/17.02.09?bulan=2026-11', handoff.replace('47602000', '47602001'))).not.toBe(key);
    // the separator keeps a URL's end from passing for the data's start
    expect(documentKey('http://kaba/a', 'b{}')).not.toBe(documentKey('http://kaba/ab', '{}'));
  });

  it('keeps the documents used last within its bytes, and none larger than a quarter of them', () => {
    const cache = new DocumentCache(400);
    const doc = (n: number) => [Buffer.alloc(n)];
    cache.set('overview', doc(100));
    cache.set('arrears', doc(100));
    cache.set('channels', doc(100));
    expect(cache.get('overview')).toBeDefined(); // now the most recently used
    cache.set('ledger', doc(100));
    cache.set('sealing', doc(100)); // over 400 bytes: the least recently used (arrears) goes
    expect(cache.get('arrears')).toBeUndefined();
    expect(cache.get('overview')).toBeDefined();
    expect(cache.bytes).toBe(400);
    cache.set('huge', doc(101));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('overview', doc(50)); // replaced, not counted twice
    expect(cache.bytes).toBe(350);
    expect(cache.size).toBe(4);
  });
});
