/** The server's list of signed-in sessions (sessions.server.ts), in a temporary folder with its own clock. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../../../app/lib/sessions.server';

const dir = mkdtempSync(join(tmpdir(), 'kaba-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 3600_000;

describe('SessionStore', () => {
  it('knows a session until it ends, expires, or its user’s sessions are all ended', async () => {
    let now = 1_000_000;
    const path = join(dir, 'a.json');
    const store = new SessionStore(path, () => now);
    const a = await store.create('sari', 8 * HOUR);
    const b = await store.create('sari', 8 * HOUR);
    const c = await store.create('budi', 8 * HOUR);
    expect(await store.isActive(a, 'sari')).toBe(true);
    expect(await store.isActive(a, 'budi')).toBe(false); // another user's id is no session of theirs
    await store.end(a);
    expect(await store.isActive(a, 'sari')).toBe(false);
    expect(await store.isActive(b, 'sari')).toBe(true);
    expect(await store.endAllOf('sari')).toBe(1);
    expect(await store.isActive(b, 'sari')).toBe(false);
    expect(await store.isActive(c, 'budi')).toBe(true);
    now += 8 * HOUR;
    expect(await store.isActive(c, 'budi')).toBe(false);
  });

  it('stores hashes, not the ids, and drops expired sessions when it writes', async () => {
    let now = 1_000_000;
    const path = join(dir, 'b.json');
    const store = new SessionStore(path, () => now);
    const old = await store.create('sari', HOUR);
    now += 2 * HOUR;
    const fresh = await store.create('sari', HOUR);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(old);
    expect(text).not.toContain(fresh);
    expect(JSON.parse(text).sessions).toHaveLength(1);
    // another process (the CLI) sees the same file
    expect(await new SessionStore(path, () => now).isActive(fresh, 'sari')).toBe(true);
  });
});
