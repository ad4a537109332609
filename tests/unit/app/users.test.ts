import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFile } from '../../../app/lib/json-file.server';
import { UserError, UserStore } from '../../../app/lib/users.server';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaba-users-'));
  path = join(dir, 'sub', 'users.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('UserStore', () => {
  it('adds users with hashed passwords, case-insensitive names, and verifies them', async () => {
    const store = new UserStore(path);
    expect(await store.list()).toEqual([]);
    await store.add({ name: 'Sari', role: 'supervisor', teams: ['T02', 'T02', 'T05'], password: 'rahasia-sari' });
    const sari = await store.get('SARI');
    expect(sari).toMatchObject({ name: 'sari', role: 'supervisor', teams: ['T02', 'T05'], session_version: 1, tokens: [] });
    expect(readFileSync(path, 'utf8')).not.toContain('rahasia-sari');
    expect((await store.verify('sari', 'rahasia-sari'))?.name).toBe('sari');
    expect(await store.verify('sari', 'rahasia-sarI')).toBeNull();
    expect(await store.verify('nobody', 'rahasia-sari')).toBeNull();
  });

  it('refuses duplicates, bad names, short passwords and teams on the wrong role', async () => {
    const store = new UserStore(path);
    await store.add({ name: 'budi', role: 'admin', password: 'long enough' });
    await expect(store.add({ name: 'BUDI', role: 'admin', password: 'long enough' })).rejects.toThrow(UserError);
    await expect(store.add({ name: 'x', role: 'admin', password: 'long enough' })).rejects.toThrow(/user name/);
    await expect(store.add({ name: 'ani', role: 'admin', password: 'short' })).rejects.toThrow(/at least 8/);
    await expect(store.add({ name: 'ani', role: 'supervisor', password: 'long enough' })).rejects.toThrow(/team/);
    await expect(store.add({ name: 'ani', role: 'manager', teams: ['T1'], password: 'long enough' })).rejects.toThrow(/only supervisors/);
  });

  it('raises the session version on a password change', async () => {
    const store = new UserStore(path);
    await store.add({ name: 'budi', role: 'manager', password: 'first password' });
    await store.setPassword('budi', 'second password');
    expect((await store.get('budi'))?.session_version).toBe(2);
    expect(await store.verify('budi', 'first password')).toBeNull();
    expect(await store.verify('budi', 'second password')).not.toBeNull();
  });

  it('makes API tokens that are stored hashed and find their user', async () => {
    const store = new UserStore(path);
    await store.add({ name: 'budi', role: 'manager', password: 'first password' });
    const { token, id } = await store.createToken('budi');
    expect(readFileSync(path, 'utf8')).not.toContain(token);
    expect(readFileSync(path, 'utf8')).toContain(id);
    expect((await store.findByToken(token))?.name).toBe('budi');
    expect(await store.findByToken(token + 'x')).toBeNull();
    expect(await store.revokeTokens('budi')).toBe(1);
    expect(await store.findByToken(token)).toBeNull();
  });

  it('removes users', async () => {
    const store = new UserStore(path);
    await store.add({ name: 'budi', role: 'manager', password: 'first password' });
    await store.remove('Budi');
    expect(await store.count()).toBe(0);
    await expect(store.remove('budi')).rejects.toThrow(/no user/);
  });

  it('demo accounts are refreshed, but never overwrite a real account', async () => {
    const store = new UserStore(path);
    await store.upsertDemo({ name: 'admin', role: 'admin', password: 'admin-demo' });
    await store.upsertDemo({ name: 'admin', role: 'admin', password: 'admin-demo' });
    expect((await store.get('admin'))?.demo).toBe(true);
    expect(await store.count()).toBe(1);
    await store.add({ name: 'direktur', role: 'director', password: 'my own secret' });
    await expect(store.upsertDemo({ name: 'direktur', role: 'director', password: 'direktur-demo' })).rejects.toThrow(/not a demo/);
    expect(await store.verify('direktur', 'my own secret')).not.toBeNull();
  });
});

describe('the users file', () => {
  it('is written atomically, owner-only, with no temporary file left behind', async () => {
    const store = new UserStore(path);
    await Promise.all(['ani', 'budi', 'cici', 'dedi', 'eko'].map((name) => store.add({ name, role: 'manager', password: 'password ' + name })));
    expect((await store.list()).map((u) => u.name).sort()).toEqual(['ani', 'budi', 'cici', 'dedi', 'eko']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['users.json']);
    expect(() => JSON.parse(readFileSync(path, 'utf8'))).not.toThrow();
  });

  it('is re-read when another process changes it', async () => {
    const server = new UserStore(path);
    const cli = new UserStore(path);
    expect(await server.count()).toBe(0);
    await cli.add({ name: 'budi', role: 'manager', password: 'first password' });
    expect((await server.get('budi'))?.role).toBe('manager');
    await cli.remove('budi');
    expect(await server.get('budi')).toBeNull();
  });

  it('is refused loudly when it is not valid', async () => {
    const store = new UserStore(path);
    await store.add({ name: 'budi', role: 'manager', password: 'first password' });
    writeFileSync(path, '{"users": [{"name": "x", "role": "king"}]}');
    await expect(store.list()).rejects.toThrow(/known role/);
    writeFileSync(path, '{not json');
    await expect(store.list()).rejects.toThrow(/not valid JSON/);
  });
});

describe('JsonFile', () => {
  it('keeps the old content when a change fails', async () => {
    const file = new JsonFile<{ n: number }>(join(dir, 'x.json'), { empty: () => ({ n: 0 }), parse: (raw) => raw as { n: number } });
    await file.write({ n: 1 });
    await expect(
      file.update(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await file.read()).toEqual({ n: 1 });
    await file.update((v) => ({ n: v.n + 1 }));
    expect(await file.read()).toEqual({ n: 2 });
  });
});
