/**
 * Loads one file into the warehouse in one transaction: every row is either loaded or rejected with
 * its line, raw text and reason (rows read = loaded + rejected, always); a file that is wrong as a
 * whole is refused and changes nothing; the same content twice is skipped; a corrected re-export
 * replaces earlier rows by natural key.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { FileRefusedError, type CanonicalPayment, type ParsedLine } from '../adapters/types';
import { firstExcessiveWriteOffs } from '../derive/allocate';
import type { Warehouse } from '../warehouse/duckdb';
import { CANONICAL_KINDS, validateRow, type CanonicalKind } from './canonical';
import { csvField, linesOf, readRecords, splitRecord, type TextRecord } from './csv';
import { detectFormat } from './detect';
import { jakartaNow } from '../domain/period';

export interface LoadReport {
  file: string;
  path: string;
  kind: string;
  format: string;
  status: 'loaded' | 'skipped' | 'refused';
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsReplaced: number;
  amountLoaded: number;
  message: string;
  seconds: number;
}

export interface LoadOptions {
  /** called as the file is read: fraction done 0..1 */
  onProgress?: (fraction: number) => void;
}

interface Reject {
  line: number;
  raw: string;
  reason: string;
}

/** The staged rows that passed every check. */
const VALID_STAGE = `(SELECT s.* FROM load_stage s ANTI JOIN load_stage_rejects r USING (line))`;

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function loadFile(wh: Warehouse, path: string, options: LoadOptions = {}): Promise<LoadReport> {
  const started = performance.now();
  const file = basename(path);
  const report: LoadReport = {
    file, path: resolve(path), kind: '', format: '', status: 'loaded',
    rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, rowsReplaced: 0, amountLoaded: 0, message: '', seconds: 0,
  };
  const sha = await fileSha256(path);
  const seen = await wh.query<{ file_name: string; loaded_at: string }>(
    `SELECT file_name, strftime(loaded_at, '%Y-%m-%d %H:%M:%S') AS loaded_at FROM load_files WHERE sha256 = $sha LIMIT 1`,
    { sha },
  );
  if (seen.length > 0) {
    report.status = 'skipped';
    report.message = `same content as ${seen[0].file_name}, loaded ${seen[0].loaded_at}: nothing to do`;
    return finish(report, started);
  }
  try {
    const detected = await detectFormat(path);
    const spec = detected.type === 'canonical' ? detected.spec : CANONICAL_KINDS.payments;
    report.kind = spec.kind;
    report.format = detected.type === 'canonical' ? 'canonical' : detected.adapter.format;
    await wh.transaction(async () => {
      const fileId = (await wh.one<{ id: number }>(`SELECT nextval('file_id_seq') AS id`)).id;
      await createStage(wh, spec);
      const stager = new Stager(stagedColumns(spec));
      const rejects: Reject[] = [];
      let rawOf: (lines: Set<number>) => Promise<Map<number, string>>;
      if (detected.type === 'canonical') {
        report.rowsRead = await stageCanonical(path, spec, stager, rejects, options);
        rawOf = (lines) => linesOf(path, lines);
      } else {
        const parsed = detected.adapter.parse(await readFile(path, 'utf8'), file);
        report.rowsRead = stageSettlement(parsed, spec, stager, rejects);
        const rawByLine = new Map(parsed.map((p) => [p.line, p.raw]));
        rawOf = async () => rawByLine;
      }
      await stager.into(wh);
      await findSetRejects(wh, spec);
      if (spec.kind === 'write_offs') await rejectExcessiveWriteOffs(wh);
      rejects.push(...(await setRejects(wh, rawOf)));
      report.rowsReplaced = await upsert(wh, spec, fileId);
      report.rowsRejected = rejects.length;
      report.rowsLoaded = report.rowsRead - report.rowsRejected;
      report.amountLoaded = await stagedAmount(wh, spec);
      await storeRejects(wh, fileId, file, rejects);
      await wh.run('DROP TABLE load_stage; DROP TABLE load_stage_rejects;');
      await wh.run(
        `INSERT INTO load_files VALUES ($id, $file, $path, $kind, $format, $sha, CAST($loaded_at AS TIMESTAMP), $read, $loaded, $rejected, $replaced, $amount, $seconds)`,
        {
          id: fileId, file, path: report.path, kind: report.kind, format: report.format, sha,
          read: report.rowsRead, loaded: report.rowsLoaded, rejected: report.rowsRejected, replaced: report.rowsReplaced,
          amount: report.amountLoaded, loaded_at: jakartaNow(), seconds: (performance.now() - started) / 1000,
        },
      );
      // Test hook: dies between writing and committing, to prove a killed load leaves nothing behind.
      if (process.env.KABA_TEST_KILL_BEFORE_COMMIT === file) process.kill(process.pid, 'SIGKILL');
    });
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    report.status = 'refused';
    report.message = error.message;
    report.rowsRead = report.rowsLoaded = report.rowsRejected = report.rowsReplaced = report.amountLoaded = 0;
    // nothing of the file is loaded, but the refusal is kept: the reconciliation lists what never arrived
    await wh.run(
      `INSERT INTO refused_files SELECT $file, $path, $format, $sha, CAST($at AS TIMESTAMP), $reason
        WHERE NOT EXISTS (SELECT 1 FROM refused_files WHERE sha256 = $sha)`,
      { file, path: report.path, format: report.format, sha, at: jakartaNow(), reason: error.message },
    );
  }
  return finish(report, started);
}

function finish(report: LoadReport, started: number): LoadReport {
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

function stagedColumns(spec: CanonicalKind): string[] {
  return [...spec.columns.map((c) => c.name), ...(spec.suppliedColumns ?? []).map((c) => c.name)];
}

async function createStage(wh: Warehouse, spec: CanonicalKind): Promise<void> {
  const cols = stagedColumns(spec).map((c) => `${c} VARCHAR`).join(', ');
  await wh.run(`CREATE OR REPLACE TABLE load_stage (line BIGINT NOT NULL, ${cols})`);
}

/**
 * Collects validated rows into a temporary CSV that DuckDB then reads in one parallel scan: for millions
 * of rows this is several times faster than appending values one by one through the Node bindings.
 */
class Stager {
  private readonly path: string;
  private readonly fd: number;
  private buffer = '';

  constructor(private readonly columns: readonly string[]) {
    this.path = join(mkdtempSync(join(tmpdir(), 'kaba-stage-')), 'stage.csv');
    this.fd = openSync(this.path, 'w');
  }

  add(line: number, values: readonly (string | null)[]): void {
    let row = String(line);
    // NULL is written as nothing and an empty string as "", so DuckDB reads each back as it was.
    for (const v of values) row += v === null ? ',' : v === '' ? ',""' : `,${csvField(v)}`;
    this.buffer += row + '\n';
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Moves the collected rows into the load_stage table and removes the temporary file. */
  async into(wh: Warehouse): Promise<void> {
    this.flush();
    closeSync(this.fd);
    try {
      const columns = ['line', ...this.columns].map((c) => `'${c}': 'VARCHAR'`).join(', ');
      await wh.run(
        `INSERT INTO load_stage SELECT * FROM read_csv($path, header = false, auto_detect = false, delim = ',',
           quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${columns}})`,
        { path: this.path },
      );
    } finally {
      rmSync(dirname(this.path), { recursive: true, force: true });
    }
  }
}


async function stageCanonical(
  path: string,
  spec: CanonicalKind,
  stager: Stager,
  rejects: Reject[],
  options: LoadOptions,
): Promise<number> {
  const supplied = (spec.suppliedColumns ?? []).map((c) => c.fallback);
  const size = (await stat(path)).size || 1;
  let read = 0;
  let chars = 0;
  let header = true;
  for await (const batch of readRecords(path)) {
    for (const record of batch) {
      chars += record.text.length + 1;
      if (header) {
        header = false;
        continue;
      }
      read++;
      stageRecord(record, spec, supplied, stager, rejects);
    }
    options.onProgress?.(Math.min(1, chars / size));
  }
  return read;
}

function stageRecord(record: TextRecord, spec: CanonicalKind, supplied: string[], stager: Stager, rejects: Reject[]): void {
  const split = splitRecord(record.text);
  if (!split.ok) {
    rejects.push({ line: record.line, raw: record.text, reason: split.reason });
    return;
  }
  const result = validateRow(spec, split.value, supplied);
  if (result.ok) stager.add(record.line, result.values);
  else rejects.push({ line: record.line, raw: record.text, reason: result.reason });
}

const PAYMENT_FIELDS: readonly (keyof CanonicalPayment)[] = [
  'payment_ref', 'channel_code', 'customer_id', 'period', 'paid_at', 'amount', 'penalty', 'admin_fee',
];

function stageSettlement(parsed: readonly ParsedLine[], spec: CanonicalKind, stager: Stager, rejects: Reject[]): number {
  for (const p of parsed) {
    if ('reason' in p) {
      rejects.push({ line: p.line, raw: p.raw, reason: p.reason });
      continue;
    }
    const result = validateRow(spec, PAYMENT_FIELDS.map((f) => p.payment[f]), [p.payment.status]);
    if (result.ok) stager.add(p.line, result.values);
    else rejects.push({ line: p.line, raw: p.raw, reason: result.reason });
  }
  return parsed.length;
}

/** Rules across rows and against the warehouse: duplicate keys within the file, unknown references. */
async function findSetRejects(wh: Warehouse, spec: CanonicalKind): Promise<void> {
  const key = spec.naturalKey.join(', ');
  const sameKey = spec.naturalKey.map((k) => `s.${k} IS NOT DISTINCT FROM d.${k}`).join(' AND ');
  // A grouped aggregate rather than a window over the file: it spills to disk for files of millions of rows.
  const parts = [
    `SELECT s.line, 0 AS ord, 'duplicate of line ' || d.first_line || ' (same ${spec.naturalKey.join(' + ')})' AS reason
       FROM load_stage s
       JOIN (SELECT ${key}, min(line) AS first_line FROM load_stage GROUP BY ALL HAVING count(*) > 1) d ON ${sameKey}
      WHERE s.line <> d.first_line`,
    ...spec.references.map(
      (r, i) => `SELECT s.line, ${i + 1}, ${r.reason} FROM load_stage s WHERE NOT EXISTS (${r.exists})`,
    ),
  ];
  await wh.run(`CREATE OR REPLACE TABLE load_stage_rejects AS
    SELECT line, string_agg(reason, '; ' ORDER BY ord) AS reason FROM (${parts.join(' UNION ALL ')}) GROUP BY line`);
}

/**
 * A write-off may not take more than was outstanding on its date (payments of that day counted first).
 * Staged write-offs are checked together with those already loaded; a rejected one must not use up
 * the debt for a later one, so the earliest offender per customer is rejected and the check repeats.
 */
async function rejectExcessiveWriteOffs(wh: Warehouse): Promise<void> {
  const sources = {
    writeOffs: `(SELECT write_off_id, customer_id, period, written_off_on, amount FROM write_offs w
                  WHERE NOT EXISTS (SELECT 1 FROM ${VALID_STAGE} s WHERE s.customer_id = w.customer_id
                                      AND s.period IS NOT DISTINCT FROM w.period
                                      AND CAST(s.written_off_on AS DATE) = w.written_off_on)
                 UNION ALL
                 SELECT -s.line, s.customer_id, s.period, CAST(s.written_off_on AS DATE), CAST(s.amount AS BIGINT)
                   FROM ${VALID_STAGE} s)`,
    customerFilter: `customer_id IN (SELECT customer_id FROM load_stage)`,
  };
  // Staged rows carry their negated line number as id, so they never collide with loaded ones.
  const staged = (id: number) => id < 0;
  for (let found = await firstExcessiveWriteOffs(wh, sources, staged); found.length > 0; found = await firstExcessiveWriteOffs(wh, sources, staged)) {
    for (const { writeOffId, applied, excess } of found) {
      await wh.run(`INSERT INTO load_stage_rejects VALUES ($line, $reason)`, {
        line: -writeOffId,
        reason: `write-off of ${applied + excess} is more than the ${applied} outstanding on its date`,
      });
    }
  }
}

async function setRejects(wh: Warehouse, rawOf: (lines: Set<number>) => Promise<Map<number, string>>): Promise<Reject[]> {
  const rows = await wh.query<{ line: number; reason: string }>(`SELECT line, reason FROM load_stage_rejects ORDER BY line`);
  const raw = await rawOf(new Set(rows.map((r) => r.line)));
  return rows.map((r) => ({ line: r.line, raw: raw.get(r.line) ?? '', reason: r.reason }));
}

/** Replaces rows with the same natural key, then inserts the file's valid rows; returns rows replaced. */
async function upsert(wh: Warehouse, spec: CanonicalKind, fileId: number): Promise<number> {
  const table = spec.kind;
  const sameKey = spec.columns
    .filter((c) => spec.naturalKey.includes(c.name))
    .map((c) => `t.${c.name} IS NOT DISTINCT FROM CAST(s.${c.name} AS ${c.type})`)
    .join(' AND ');
  let replaced = 0;
  if ((await wh.query(`SELECT 1 FROM ${table} LIMIT 1`)).length > 0) {
    // An explicit semi join: DuckDB plans it as a hash join, where a correlated EXISTS scanned the table.
    await wh.run(`CREATE OR REPLACE TABLE load_replaced AS SELECT t.rowid AS rid FROM ${table} t SEMI JOIN ${VALID_STAGE} s ON ${sameKey}`);
    replaced = (await wh.one<{ n: number }>(`SELECT count(*) AS n FROM load_replaced`)).n;
    if (replaced > 0) await wh.run(`DELETE FROM ${table} WHERE rowid IN (SELECT rid FROM load_replaced)`);
    await wh.run('DROP TABLE load_replaced');
  }

  const targets: string[] = [];
  const values: string[] = [];
  if (spec.idColumn) {
    targets.push(spec.idColumn);
    values.push(`nextval('row_id_seq')`);
  }
  for (const c of spec.columns) {
    targets.push(c.name);
    values.push(`CAST(s.${c.name} AS ${c.type})`);
  }
  for (const c of spec.suppliedColumns ?? []) {
    targets.push(c.name);
    values.push(`s.${c.name}`);
  }
  for (const [name, sql] of Object.entries(spec.derivedColumns ?? {})) {
    targets.push(name);
    values.push(sql);
  }
  targets.push('file_id', 'line');
  values.push('$file_id', 's.line');
  await wh.run(`INSERT INTO ${table} (${targets.join(', ')}) SELECT ${values.join(', ')} FROM ${VALID_STAGE} s`, {
    file_id: fileId,
  });
  return replaced;
}

async function stagedAmount(wh: Warehouse, spec: CanonicalKind): Promise<number> {
  if (!spec.amountColumn) return 0;
  const r = await wh.one<{ amount: number | null }>(
    `SELECT sum(CAST(s.${spec.amountColumn} AS BIGINT))::BIGINT AS amount FROM ${VALID_STAGE} s
      WHERE ${spec.amountWhere ?? 'true'}`,
  );
  return r.amount ?? 0;
}

async function storeRejects(wh: Warehouse, fileId: number, file: string, rejects: Reject[]): Promise<void> {
  if (rejects.length === 0) return;
  rejects.sort((a, b) => a.line - b.line);
  const appender = await wh.mainConnection.createAppender('rejects');
  for (const r of rejects) {
    appender.appendBigInt(BigInt(fileId));
    appender.appendVarchar(file);
    appender.appendBigInt(BigInt(r.line));
    appender.appendVarchar(r.raw);
    appender.appendVarchar(r.reason);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
