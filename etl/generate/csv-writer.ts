/**
 * Streamed CSV output. Rows collect in a small text buffer that goes to a file stream when it fills;
 * when the stream's own buffer is full the generator waits for it to drain, so memory stays flat
 * however many customers are generated.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { csvField } from '../load/csv';

const CHUNK_CHARS = 1 << 16;


export function csvLine(fields: readonly (string | number)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    line += (i === 0 ? '' : ',') + (typeof f === 'number' ? String(f) : csvField(f));
  }
  return line;
}

export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer = '';
  /** lines written so far, the header included: the next row's line number is lines + 1 */
  private lines = 0;

  constructor(
    readonly path: string,
    columns: readonly string[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.line(columns.join(','));
  }

  /** Writes a row and returns its line number in the file. */
  row(fields: readonly (string | number)[]): number {
    return this.line(csvLine(fields));
  }

  /** Writes a line exactly as given and returns its line number. */
  line(text: string): number {
    this.buffer += text + '\n';
    return ++this.lines;
  }

  /** Data rows written (the header excluded). */
  get rows(): number {
    return this.lines - 1;
  }

  /** Hands a full buffer to the stream, waiting when the stream asks for it. */
  async drain(): Promise<void> {
    if (this.buffer.length < CHUNK_CHARS) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(chunk, () => resolve());
    });
  }
}
