/**
 * The app's own state: what the server writes (issued letters, route plans, number sequences), in a
 * DuckDB file of its own (KABA_STATE, default data/state.duckdb), never in the warehouse, which every
 * load replaces. One process writes it: the web server. Every change runs in one transaction, and the
 * store runs its operations one at a time, so two requests never interleave statements on its
 * connection.
 *
 * A feature adds its tables as a migration (an id and its SQL) to STATE_MIGRATIONS; opening the store
 * applies, in order and in one transaction each, those not applied yet, and records them.
 */
import { Warehouse, type Params, type Row } from '../warehouse/duckdb';
import { LETTERS_MIGRATION_SQL } from './letters-schema';

export interface StateMigration {
  /** never changes once released: the store records it as applied */
  id: string;
  sql: string;
}

/** The store's own bookkeeping, then each feature's tables. */
export const STATE_MIGRATIONS: readonly StateMigration[] = [
  {
    id: '001-sequences',
    sql: `CREATE TABLE sequences (name VARCHAR PRIMARY KEY, last_value BIGINT NOT NULL)`,
  },
  { id: '010-letters', sql: LETTERS_MIGRATION_SQL },
  {
    // A saved route plan (etl/store/route-plans.ts): the request, who saved it, and the plan as computed.
    id: '020-route-plans',
    sql: `CREATE TABLE route_plans (
            plan_id BIGINT PRIMARY KEY, team_id VARCHAR NOT NULL, plan_date DATE NOT NULL, area VARCHAR NOT NULL,
            per_collector INTEGER NOT NULL, saved_by VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL, plan JSON NOT NULL);
          CREATE TABLE route_plan_stops (
            plan_id BIGINT NOT NULL, collector_id VARCHAR NOT NULL, seq INTEGER NOT NULL, customer_id VARCHAR NOT NULL,
            PRIMARY KEY (plan_id, collector_id, seq))`,
  },
];

/** Results remember() keeps between two writes (a page's letters, a team's plans: small lists). */
const REMEMBERED_ENTRIES = 1000;

export class StateStore {
  /** the tail of the queue of operations: each waits for the one before it */
  private queue: Promise<unknown> = Promise.resolve();
  /** counts the writes begun: a result read while one ran is not kept */
  private writes = 0;
  private readonly remembered = new Map<string, Promise<unknown>>();

  private constructor(private readonly db: Warehouse) {}

  static async open(path: string, migrations: readonly StateMigration[] = STATE_MIGRATIONS): Promise<StateStore> {
    const db = await Warehouse.open(path);
    await db.run(`CREATE TABLE IF NOT EXISTS store_migrations (id VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)`);
    const applied = new Set((await db.query<{ id: string }>(`SELECT id FROM store_migrations`)).map((r) => r.id));
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      await db.transaction(async () => {
        await db.run(m.sql);
        await db.run(`INSERT INTO store_migrations VALUES ($id, current_timestamp::TIMESTAMP)`, { id: m.id });
      });
    }
    return new StateStore(db);
  }

  /** Reads, in turn with the writes. */
  read<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.enqueue(() => this.db.query<T>(sql, params));
  }

  /**
   * Runs fn in one transaction, in turn with every other operation: all of its statements are
   * stored, or none. fn receives the store's connection as a Warehouse (run, query, one).
   */
  write<T>(fn: (tx: Pick<Warehouse, 'run' | 'query' | 'one'>) => Promise<T>): Promise<T> {
    return this.enqueue(() => {
      this.writes++;
      this.remembered.clear();
      return this.db.transaction(() => fn(this.db));
    });
  }

  /**
   * read() (one or several) once per key until the next write: the web server is the store's one
   * writer, so what it read stays true until it writes. A result a write began under is not kept.
   */
  remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.remembered.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const writes = this.writes;
    const result = read();
    if (this.remembered.size >= REMEMBERED_ENTRIES) this.remembered.clear();
    this.remembered.set(key, result);
    const forget = () => {
      if (this.remembered.get(key) === result) this.remembered.delete(key);
    };
    result.then(() => this.writes !== writes && forget(), forget);
    return result;
  }

  close(): Promise<void> {
    return this.enqueue(async () => this.db.close());
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const result = this.queue.then(op, op);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The next number of a named sequence (e.g. a letter number per year), inside the caller's transaction. */
export async function nextInSequence(tx: Pick<Warehouse, 'one'>, name: string): Promise<number> {
  const { last_value } = await tx.one<{ last_value: number }>(
    `INSERT INTO sequences VALUES ($name, 1)
       ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
    { name },
  );
  return last_value;
}
