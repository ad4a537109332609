/**
 * Which format a file is: a canonical file of the data contract (by its exact header), or a channel's
 * own settlement format (by its adapter). Anything else is refused, saying what was expected.
 */
import { basename } from 'node:path';
import { detectAdapter } from '../adapters/index';
import { FileRefusedError, type SettlementAdapter } from '../adapters/types';
import { CANONICAL_KINDS, kindOfHeader, type CanonicalKind } from './canonical';
import { readRecords, splitRecord } from './csv';

export type Detected = { type: 'canonical'; spec: CanonicalKind } | { type: 'settlement'; adapter: SettlementAdapter };

export async function firstLines(path: string, count = 5): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readRecords(path)) {
    for (const r of batch) {
      lines.push(r.text);
      if (lines.length === count) return lines;
    }
  }
  return lines;
}

export async function detectFormat(path: string): Promise<Detected> {
  const name = basename(path);
  const head = await firstLines(path);
  if (head.length === 0) throw new FileRefusedError(`${name}: the file is empty`);
  const split = splitRecord(head[0]);
  const header = split.ok ? split.value : [];
  const spec = kindOfHeader(header);
  if (spec) return { type: 'canonical', spec };
  const adapter = detectAdapter(name, head);
  if (adapter) return { type: 'settlement', adapter };

  // Named like a canonical file but with the wrong header: say exactly what is wrong.
  const byName = CANONICAL_KINDS[name.replace(/\.csv$/i, '') as keyof typeof CANONICAL_KINDS];
  if (byName) {
    const expected = byName.columns.map((c) => c.name);
    const found = header.map((h) => h.trim().toLowerCase());
    const missing = expected.filter((c) => !found.includes(c));
    const extra = found.filter((c) => !expected.includes(c));
    const problems = [
      missing.length ? `missing columns: ${missing.join(', ')}` : '',
      extra.length ? `unexpected columns: ${extra.join(', ')}` : '',
      !missing.length && !extra.length ? `columns out of order, expected ${expected.join(',')}` : '',
    ].filter(Boolean);
    throw new FileRefusedError(`${name}: ${problems.join('; ')}`);
  }
  throw new FileRefusedError(
    `${name}: unknown format (the first line matches no canonical file header and no settlement format)`,
  );
}
