/**
 * The one gateway to DuckDB for the ETL, the report command and the web server. Everything else
 * speaks to a Warehouse: SQL text with bound `$name` parameters in, plain rows out (BIGINT/HUGEINT
 * sums become JavaScript numbers, refused when they would not be exact).
 */
import { type DuckDBConnection, DuckDBInstance, LIST, listValue, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** Bound parameters; a list of strings binds as VARCHAR[] (an empty list too, which DuckDB cannot type alone). */
export type Params = Record<string, DuckDBValue | readonly string[]>;
export type Row = Record<string, string | number | boolean | null>;

export class Warehouse {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens (creating when absent) the warehouse file; `:memory:` for tests. */
  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<Warehouse> {
    const settings: Record<string, string> = {};
    if (options.readOnly) settings.access_mode = 'READ_ONLY';
    const instance = await DuckDBInstance.create(path, settings);
    const connection = await instance.connect();
    return new Warehouse(path, instance, connection);
  }

  async run(sql: string, params?: Params): Promise<void> {
    const bound = bind(params);
    await this.connection.run(sql, bound?.values, bound?.types);
  }

  async query<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const bound = bind(params);
    const reader = await this.connection.runAndReadAll(sql, bound?.values, bound?.types);
    return reader.getRowObjectsJS().map((r) => plainRow(r) as T);
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T> {
    const rows = await this.query<T>(sql, params);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
    return rows[0];
  }

  /** Runs fn inside one transaction: all of it is stored, or none of it. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  /** A connection of its own, for streaming reads or appenders alongside this one. */
  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /** The connection this warehouse runs its statements on (appenders must share the transaction). */
  get mainConnection(): DuckDBConnection {
    return this.connection;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function bind(params: Params | undefined): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType | undefined> } | undefined {
  if (!params) return undefined;
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType | undefined> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      values[name] = listValue(value as string[]);
      types[name] = LIST(VARCHAR);
    } else values[name] = value as DuckDBValue;
  }
  return { values, types };
}

function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(key, value);
  return out;
}

function plainValue(key: string, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`${key} = ${value} does not fit a JavaScript number exactly`);
    }
    return Number(value);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`${key}: unsupported value type; cast it to text in SQL`);
}
