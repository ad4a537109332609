/**
 * Runs the allocation rule over every customer and stores what it decided, in bulk through DuckDB's
 * appender, into payment_allocations_raw and write_off_allocations_raw.
 */
import { BIGINT, BOOLEAN, DuckDBDataChunk, UTINYINT, type DuckDBAppender, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { allocateCustomer, PAYMENT_TARGETS, WRITE_OFF_TARGETS } from '../domain/allocation';
import type { Warehouse } from '../warehouse/duckdb';
import { forEachLedger, type LedgerSources } from './ledgers';

// target_code is the target's position in PAYMENT_TARGETS / WRITE_OFF_TARGETS (see derived-sql.ts).
const RAW_TABLES = `
CREATE OR REPLACE TABLE payment_allocations_raw (
  payment_id BIGINT NOT NULL, target_code UTINYINT NOT NULL, bill_id BIGINT, amount BIGINT NOT NULL, overdue BOOLEAN NOT NULL);
CREATE OR REPLACE TABLE write_off_allocations_raw (
  write_off_id BIGINT NOT NULL, target_code UTINYINT NOT NULL, bill_id BIGINT, amount BIGINT NOT NULL, overdue BOOLEAN NOT NULL);
`;

const COLUMN_TYPES: DuckDBType[] = [BIGINT, UTINYINT, BIGINT, BIGINT, BOOLEAN];
const CHUNK_ROWS = 2048;
const codes = <T extends string>(names: readonly T[]) => Object.fromEntries(names.map((n, i) => [n, i])) as Record<T, number>;
const PAYMENT_CODE = codes(PAYMENT_TARGETS);
const WRITE_OFF_CODE = codes(WRITE_OFF_TARGETS);

/** Buffers rows column-wise and appends them a data chunk at a time (per-value appends are ~10× slower). */
class ChunkWriter {
  private columns: DuckDBValue[][] = COLUMN_TYPES.map(() => []);
  private readonly chunk = DuckDBDataChunk.create(COLUMN_TYPES);
  constructor(private readonly appender: DuckDBAppender) {}

  add(id: number, targetCode: number, billId: number | null, amount: number, overdue: boolean): void {
    const c = this.columns;
    c[0].push(BigInt(id));
    c[1].push(targetCode);
    c[2].push(billId === null ? null : BigInt(billId));
    c[3].push(BigInt(amount));
    c[4].push(overdue);
    if (c[0].length === CHUNK_ROWS) this.flush();
  }

  flush(): void {
    if (this.columns[0].length === 0) return;
    this.chunk.reset();
    this.chunk.rowCount = this.columns[0].length;
    this.chunk.setColumns(this.columns);
    this.appender.appendDataChunk(this.chunk);
    this.columns = COLUMN_TYPES.map(() => []);
  }

  close(): void {
    this.flush();
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

export interface AllocationSummary {
  customers: number;
  allocations: number;
}

/** Allocates every customer's payments and write-offs; call inside the derive transaction. */
export async function allocateAll(wh: Warehouse): Promise<AllocationSummary> {
  await wh.run(RAW_TABLES);
  const payments = new ChunkWriter(await wh.mainConnection.createAppender('payment_allocations_raw'));
  const writeOffs = new ChunkWriter(await wh.mainConnection.createAppender('write_off_allocations_raw'));
  let allocations = 0;
  const reader = await wh.connect();
  try {
    const customers = await forEachLedger(reader, { writeOffs: 'write_offs' }, (ledger) => {
      const result = allocateCustomer(ledger);
      for (const a of result.payments) payments.add(a.paymentId, PAYMENT_CODE[a.target], a.billId, a.amount, a.overdue);
      for (const a of result.writeOffs) writeOffs.add(a.writeOffId, WRITE_OFF_CODE[a.target], a.billId, a.amount, a.overdue);
      allocations += result.payments.length + result.writeOffs.length;
    });
    payments.close();
    writeOffs.close();
    return { customers, allocations };
  } finally {
    reader.closeSync();
  }
}

/**
 * For each customer, the first write-off (in the order allocation applies them) among those `pick`
 * selects that takes more than was outstanding: its id, what it could apply and what was too much.
 */
export async function firstExcessiveWriteOffs(
  wh: Warehouse,
  sources: LedgerSources,
  pick: (writeOffId: number) => boolean,
): Promise<{ writeOffId: number; applied: number; excess: number }[]> {
  const found: { writeOffId: number; applied: number; excess: number }[] = [];
  // The main connection: the staged rows are visible only inside its open transaction.
  await forEachLedger(wh.mainConnection, sources, (ledger) => {
    const allocations = allocateCustomer(ledger).writeOffs;
    const first = allocations.find((a) => a.target === 'excess' && pick(a.writeOffId));
    if (!first) return;
    const applied = allocations
      .filter((a) => a.writeOffId === first.writeOffId && a.target !== 'excess')
      .reduce((sum, a) => sum + a.amount, 0);
    found.push({ writeOffId: first.writeOffId, applied, excess: first.amount });
  });
  return found;
}
