/**
 * A small JSON file the server reads often and writes rarely (users, settings). Reads are cached
 * and re-read when the file changes on disk (another process, e.g. `npm run user`, wrote it); writes
 * go to a temporary file in the same folder that is then renamed over the file, so a reader sees the
 * old content or the new, never half of it. Files are created readable by their owner only (0600).
 * Writes from this process are serialised; between processes the last writer wins.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class JsonFile<T> {
  private cache: { key: string; value: T } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly shape: { empty: () => T; parse: (raw: unknown, path: string) => T },
  ) {}

  /** The file's content; `empty()` when the file does not exist. Throws when it is not valid. */
  async read(): Promise<T> {
    const s = await stat(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (s === null) {
      this.cache = null;
      return this.shape.empty();
    }
    const key = `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
    if (this.cache?.key === key) return this.cache.value;
    const text = await readFile(this.path, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new Error(`${this.path} is not valid JSON: ${(error as Error).message}`);
    }
    const value = this.shape.parse(raw, this.path);
    this.cache = { key, value };
    return value;
  }

  async exists(): Promise<boolean> {
    return (await stat(this.path).catch(() => null)) !== null;
  }

  /** Replaces the file's content atomically. */
  write(value: T): Promise<void> {
    return this.serialised(() => this.writeNow(value));
  }

  /** Read, change, write, with no other write of this process in between. Returns the new content. */
  update(change: (value: T) => T | Promise<T>): Promise<T> {
    return this.serialised(async () => {
      const next = await change(structuredClone(await this.read()));
      await this.writeNow(next);
      return next;
    });
  }

  private serialised<R>(work: () => Promise<R>): Promise<R> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeNow(value: T): Promise<void> {
    const dir = dirname(this.path);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(value, null, 2) + '\n', 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.cache = null;
  }
}
