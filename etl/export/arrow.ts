/**
 * Rows as an Arrow IPC stream (apache-arrow), columns named by their key (the JSON field names) and
 * typed by their format: money and numbers Int64 (whole rupiah stay exact: BigInt, never a float),
 * percent Float64, everything else (dates as ISO text, as in the JSON) Utf8. Nulls stay nulls.
 */
import { Float64, Int64, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { cellOf, type ExportColumn, type ExportRow } from './cells';

export const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream';

function columnVector(column: Pick<ExportColumn, 'key' | 'format'>, rows: readonly ExportRow[]): Vector {
  const values = rows.map((r) => cellOf(r, column.key) ?? null);
  switch (column.format) {
    case 'money':
    case 'number':
      return vectorFromArray(values.map((v) => (v === null ? null : BigInt(v as number))), new Int64());
    case 'percent':
      return vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Float64());
    default:
      return vectorFromArray(values.map((v) => (v === null ? null : String(v))), new Utf8());
  }
}

/** The Arrow IPC stream bytes of `rows` with `columns`. */
export function tableArrow(columns: readonly Pick<ExportColumn, 'key' | 'format'>[], rows: readonly ExportRow[]): Uint8Array {
  const table = new Table(Object.fromEntries(columns.map((c) => [c.key, columnVector(c, rows)])));
  return tableToIPC(table, 'stream');
}
