/**
 * Text → lines → fields, shared by every adapter so that BOM, CRLF, blank lines and line numbering are
 * handled one way for all formats.
 */
import type { ParseResult } from '../domain/money';
import { FileRefusedError } from './types';

// One CSV dialect for the whole ETL: canonical files and comma-separated settlement files alike.
export { csvField, splitRecord as splitCsvLine } from '../load/csv';

/** One non-blank line: its 1-based number in the file (blank lines still count) and its text without EOL. */
export interface TextLine {
  line: number;
  raw: string;
}

/** Non-blank lines of a file, BOM stripped. Blank lines are dropped but keep their place in the numbering. */
export function nonBlankLines(text: string): TextLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, raw }))
    .filter((l) => l.raw.trim() !== '');
}

/** The first non-blank lines, BOM stripped: what `detect()` expects to be given. */
export function headLines(text: string, count = 5): string[] {
  return nonBlankLines(text)
    .slice(0, count)
    .map((l) => l.raw);
}

/** How a delimited file with a header line splits its lines. */
export type LineSplitter = (raw: string) => ParseResult<string[]>;

export function splitOn(delimiter: string): LineSplitter {
  return (raw) => ({ ok: true, value: raw.split(delimiter) });
}

/** A data line of a header-first table: its values by required column name, or why it cannot be read. */
export type TableLine<C extends string> =
  | { line: number; raw: string; values: Record<C, string> }
  | { line: number; raw: string; reason: string };

/**
 * Reads a file whose first non-blank line names the columns. Column names match case-insensitively and
 * columns beyond `required` are read past, so a partner adding a column does not break the import.
 * Missing or duplicated required columns refuse the file; a line with the wrong number of fields is rejected.
 */
export function readTable<C extends string>(
  text: string,
  split: LineSplitter,
  required: readonly C[],
): TableLine<C>[] {
  const [header, ...data] = nonBlankLines(text);
  if (header === undefined) throw new FileRefusedError('file is empty: expected a header line');
  const names = split(header.raw);
  if (!names.ok) throw new FileRefusedError(`header line cannot be read: ${names.reason}`);
  const keys = names.value.map((n) => n.trim().toUpperCase());

  const missing = required.filter((c) => !keys.includes(c.toUpperCase()));
  if (missing.length > 0) {
    throw new FileRefusedError(`header lacks the required columns ${missing.join(', ')}`);
  }
  const duplicated = required.filter((c) => keys.indexOf(c.toUpperCase()) !== keys.lastIndexOf(c.toUpperCase()));
  if (duplicated.length > 0) {
    throw new FileRefusedError(`header names the columns ${duplicated.join(', ')} more than once`);
  }
  const position = required.map((c) => [c, keys.indexOf(c.toUpperCase())] as const);

  return data.map(({ line, raw }) => {
    const fields = split(raw);
    if (!fields.ok) return { line, raw, reason: fields.reason };
    if (fields.value.length !== keys.length) {
      return { line, raw, reason: `line has ${fields.value.length} fields, the header has ${keys.length}` };
    }
    const values = Object.fromEntries(position.map(([c, i]) => [c, fields.value[i]])) as Record<C, string>;
    return { line, raw, values };
  });
}

/** The first line's column names, case-folded, for header-based detection. */
export function headerNames(firstLines: readonly string[], split: LineSplitter): string[] {
  const names = split(firstLines[0] ?? '');
  return names.ok ? names.value.map((n) => n.trim().toUpperCase()) : [];
}
