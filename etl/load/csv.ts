/**
 * Reading delimited text: records streamed from a file (BOM and CRLF tolerated, quoted fields may span
 * lines), and one record split into fields. Every record keeps the number of the line it starts on,
 * so a reject can always name its line.
 */
import { createReadStream } from 'node:fs';
import type { ParseResult } from '../domain/money';

export interface TextRecord {
  line: number;
  text: string;
}

/** Streams the records of a file in batches; blank lines are skipped (they hold no row). */
export async function* readRecords(path: string): AsyncGenerator<TextRecord[]> {
  let carry = '';
  let lineNo = 0;
  let pending: TextRecord | null = null;
  let first = true;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = carry + chunk;
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const parts = text.split('\n');
    carry = parts.pop()!;
    const batch: TextRecord[] = [];
    for (const part of parts) pending = pushLine(batch, pending, part.endsWith('\r') ? part.slice(0, -1) : part, ++lineNo);
    if (batch.length > 0) yield batch;
  }
  const batch: TextRecord[] = [];
  if (carry !== '') pending = pushLine(batch, pending, carry.endsWith('\r') ? carry.slice(0, -1) : carry, ++lineNo);
  // An unterminated quote at the end of the file is still a record: the field splitter will reject it.
  if (pending) batch.push(pending);
  if (batch.length > 0) yield batch;
}

function pushLine(batch: TextRecord[], pending: TextRecord | null, line: string, lineNo: number): TextRecord | null {
  if (pending) {
    pending.text += '\n' + line;
  } else {
    if (line.trim() === '') return null;
    pending = { line: lineNo, text: line };
  }
  if (hasOpenQuote(pending.text)) return pending;
  batch.push(pending);
  return null;
}

function hasOpenQuote(text: string): boolean {
  if (text.indexOf('"') === -1) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 34) count++;
  return count % 2 === 1;
}

/** Splits one record (RFC 4180 quoting: "a, b" and doubled "" inside quotes). */
export function splitRecord(text: string, delimiter = ','): ParseResult<string[]> {
  if (text.indexOf('"') === -1) return { ok: true, value: text.split(delimiter) };
  const fields: string[] = [];
  let i = 0;
  while (true) {
    if (text[i] === '"') {
      let value = '';
      i++;
      while (true) {
        const q = text.indexOf('"', i);
        if (q === -1) return { ok: false, reason: 'a quoted field is not closed' };
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      if (i === text.length) return { ok: true, value: fields };
      if (text[i] !== delimiter) return { ok: false, reason: `unexpected text after a quoted field at position ${i + 1}` };
      i++;
    } else {
      const d = text.indexOf(delimiter, i);
      if (d === -1) {
        fields.push(text.slice(i));
        return { ok: true, value: fields };
      }
      fields.push(text.slice(i, d));
      i = d + 1;
    }
  }
}

/** Quotes a field only when it needs it (a delimiter, quote or line break), so ordinary rows stay readable. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The raw text of the given lines of a file (for rejects found after the rows were parsed). */
export async function linesOf(path: string, wanted: ReadonlySet<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  for await (const batch of readRecords(path)) {
    for (const r of batch) if (wanted.has(r.line)) found.set(r.line, r.text);
    if (found.size === wanted.size) break;
  }
  return found;
}
