import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATE_MIGRATIONS, StateStore, nextInSequence, type StateMigration } from '../../../etl/store/state-store';

const LETTERS: StateMigration = { id: '900-test-letters', sql: `CREATE TABLE test_letters (number VARCHAR PRIMARY KEY, recipient VARCHAR NOT NULL)` };

describe('the app state store', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaba-state-'));
    path = join(dir, 'state.duckdb');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies each migration once and keeps what was written across reopening', async () => {
    let store = await StateStore.open(path, [...STATE_MIGRATIONS, LETTERS]);
    await store.write((tx) => tx.run(`INSERT INTO test_letters VALUES ('690/1/TBK/XII/2026', 'Camat Curup')`));
    await store.close();
    store = await StateStore.open(path, [...STATE_MIGRATIONS, LETTERS]);
    expect(await store.read(`SELECT number, recipient FROM test_letters`)).toEqual([{ number: '690/1/TBK/XII/2026', recipient: 'Camat Curup' }]);
    expect((await store.read<{ id: string }>(`SELECT id FROM store_migrations ORDER BY id`)).map((r) => r.id)).toEqual([...STATE_MIGRATIONS.map((m) => m.id), '900-test-letters']);
    await store.close();
  });

  it('stores all of a write or none of it', async () => {
    const store = await StateStore.open(path, [...STATE_MIGRATIONS, LETTERS]);
    const failing = store.write(async (tx) => {
      await tx.run(`INSERT INTO test_letters VALUES ('690/1/TBK/XII/2026', 'Kepala Desa Air Bang')`);
      await tx.run(`INSERT INTO test_letters VALUES ('690/1/TBK/XII/2026', 'the same number again')`);
    });
    await expect(failing).rejects.toThrow();
    expect(await store.read(`SELECT * FROM test_letters`)).toEqual([]);
    await store.close();
  });

  it('numbers a sequence without gaps or repeats, even when writes come at once', async () => {
    const store = await StateStore.open(path);
    const numbers = await Promise.all(Array.from({ length: 20 }, () => store.write((tx) => nextInSequence(tx, 'letter:2026'))));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await store.write((tx) => nextInSequence(tx, 'letter:2027'))).toBe(1);
    await store.close();
  });

  it('remembers a read until the next write, and keeps nothing a write began under', async () => {
    const store = await StateStore.open(path, [...STATE_MIGRATIONS, LETTERS]);
    let reads = 0;
    const recipients = () =>
      store.remember('recipients', async () => {
        reads++;
        return (await store.read<{ recipient: string }>(`SELECT recipient FROM test_letters ORDER BY number`)).map((r) => r.recipient);
      });
    expect(await recipients()).toEqual([]);
    expect(await recipients()).toEqual([]);
    expect(reads).toBe(1);

    await store.write((tx) => tx.run(`INSERT INTO test_letters VALUES ('690/1/TBK/XII/2026', 'Camat Curup')`));
    expect(await recipients()).toEqual(['Camat Curup']);
    expect(reads).toBe(2);

    // a letter issued between the two reads of one remembered result: it is not kept
    const twoReads = store.remember('two reads', async () => {
      const before = await store.read(`SELECT * FROM test_letters`);
      await new Promise((r) => setTimeout(r, 10));
      const after = await store.read(`SELECT * FROM test_letters`);
      return [before.length, after.length];
    });
    await new Promise((r) => setTimeout(r, 1));
    await store.write((tx) => tx.run(`INSERT INTO test_letters VALUES ('690/2/TBK/XII/2026', 'Lurah Talang Rimbo Lama')`));
    expect(await twoReads).toEqual([1, 2]);
    await expect(store.remember('two reads', async () => [(await store.read(`SELECT * FROM test_letters`)).length])).resolves.toEqual([2]);
    await store.close();
  });
});

