/**
 * Issued letters in the state store: a batch (one selection issued at once) is written in ONE
 * transaction with its numbers drawn from the year's sequence, so the store holds all of a batch or
 * none of it, and numbers are consecutive within a batch. Read back with their listed customers.
 */
import { formatLetterNumber, letterSequenceName } from '../domain/letter-number';
import { billsOwedText, parseBillsOwed, type BillOwed } from '../queries/sealing';
import { nextInSequence, type StateStore } from './state-store';

export interface LetterLineDraft {
  customer_id: string;
  name: string;
  address: string;
  /** the bills owed, oldest first, with what each owes */
  bills: BillOwed[];
  /** what an opening balance (older arrears) adds */
  opening: number;
  amount: number;
}

export interface LetterDraft {
  kecamatan_code: string;
  desa_code: string | null;
  customer_id: string | null;
  recipient: string;
  recipient_place: string;
  deadline: string | null;
  total_amount: number;
  total_customers: number;
  lines: LetterLineDraft[];
}

export interface Selection {
  kind: string;
  area_code: string;
  as_of_month: string;
}

export interface Numbering {
  template: string;
  prefix: string;
  code: string;
  /** the first number of a year's sequence (a utility that numbered letters by hand before) */
  start: number;
}

export interface IssuedLetter {
  letter_id: number;
  batch_id: number;
  number: string;
  kind: string;
  issued_on: string;
  as_of_month: string;
  kecamatan_code: string;
  desa_code: string | null;
  customer_id: string | null;
  recipient: string;
  recipient_place: string;
  deadline: string | null;
  total_amount: number;
  total_customers: number;
  lines: LetterLineDraft[];
}

export interface LetterBatch {
  batch_id: number;
  kind: string;
  area_code: string;
  as_of_month: string;
  issued_on: string;
  issued_by: string;
  header: unknown;
}

/** The same selection was already issued that day (the page says so and links to it). */
export class DuplicateBatchError extends Error {
  constructor(readonly batchId: number) {
    super(`this selection was already issued today (batch ${batchId})`);
    this.name = 'DuplicateBatchError';
  }
}

export function selectionKey(s: Selection, issuedOn: string): string {
  return [s.kind, s.area_code, s.as_of_month, issuedOn].join('|');
}

/** Stores the batch and its letters, numbered in order; all of it or nothing. */
export function issueBatch(
  store: StateStore,
  b: { selection: Selection; issuedOn: string; issuedBy: string; numbering: Numbering; header: unknown; drafts: readonly LetterDraft[] },
): Promise<{ batch_id: number; numbers: string[] }> {
  return store.write(async (tx) => {
    const key = selectionKey(b.selection, b.issuedOn);
    const existing = await tx.query<{ batch_id: number }>(`SELECT batch_id FROM letter_batches WHERE selection_key = $key`, { key });
    if (existing.length > 0) throw new DuplicateBatchError(existing[0].batch_id);
    const batchId = await nextInSequence(tx, 'letter-batches');
    await tx.run(
      `INSERT INTO letter_batches VALUES ($batch_id, $key, $kind, $area, $as_of, CAST($issued_on AS DATE), $by, current_timestamp::TIMESTAMP, $header)`,
      { batch_id: batchId, key, kind: b.selection.kind, area: b.selection.area_code, as_of: b.selection.as_of_month, issued_on: b.issuedOn, by: b.issuedBy, header: JSON.stringify(b.header) },
    );
    const numbers: string[] = [];
    for (const d of b.drafts) {
      const seq = (await nextInSequence(tx, letterSequenceName(b.issuedOn))) + b.numbering.start - 1;
      const letterId = await nextInSequence(tx, 'letters');
      const number = formatLetterNumber(b.numbering.template, { prefix: b.numbering.prefix, code: b.numbering.code, seq, date: b.issuedOn });
      numbers.push(number);
      await tx.run(
        `INSERT INTO letters VALUES ($id, $batch_id, $number, $seq, $kind, CAST($issued_on AS DATE), $as_of, $kec, $desa, $customer,
                                     $recipient, $place, CAST($deadline AS DATE), $total, $customers)`,
        {
          id: letterId, batch_id: batchId, number, seq, kind: b.selection.kind, issued_on: b.issuedOn, as_of: b.selection.as_of_month,
          kec: d.kecamatan_code, desa: d.desa_code, customer: d.customer_id, recipient: d.recipient, place: d.recipient_place,
          deadline: d.deadline, total: d.total_amount, customers: d.total_customers,
        },
      );
      for (const [i, l] of d.lines.entries()) {
        await tx.run(`INSERT INTO letter_lines VALUES ($id, $pos, $customer, $name, $address, $periods, $opening, $amount)`, {
          id: letterId, pos: i + 1, customer: l.customer_id, name: l.name, address: l.address, periods: billsOwedText(l.bills), opening: l.opening, amount: l.amount,
        });
      }
    }
    return { batch_id: batchId, numbers };
  });
}

export interface LetterFilter {
  kind?: string | null;
  /** a kecamatan or desa code */
  area?: string | null;
  from?: string | null;
  to?: string | null;
  customerId?: string | null;
  batchId?: number | null;
}

/** Issued letters, newest first, each with its lines. */
export function listLetters(store: StateStore, f: LetterFilter = {}, limit = 500): Promise<IssuedLetter[]> {
  return store.remember(`letters:${JSON.stringify([f, limit])}`, () => readLetters(store, f, limit));
}

async function readLetters(store: StateStore, f: LetterFilter, limit: number): Promise<IssuedLetter[]> {
  const letters = await store.read<Omit<IssuedLetter, 'lines'>>(
    `SELECT letter_id, batch_id, number, kind, strftime(issued_on, '%Y-%m-%d') AS issued_on, as_of_month, kecamatan_code, desa_code, customer_id,
            recipient, recipient_place, strftime(deadline, '%Y-%m-%d') AS deadline, total_amount, total_customers
       FROM letters l
      WHERE (CAST($kind AS VARCHAR) IS NULL OR kind = $kind)
        AND (CAST($area AS VARCHAR) IS NULL OR kecamatan_code = $area OR desa_code = $area)
        AND (CAST($from AS DATE) IS NULL OR issued_on >= CAST($from AS DATE))
        AND (CAST($to AS DATE) IS NULL OR issued_on <= CAST($to AS DATE))
        AND (CAST($batch AS BIGINT) IS NULL OR batch_id = $batch)
        AND (CAST($customer AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM letter_lines x WHERE x.letter_id = l.letter_id AND x.customer_id = $customer))
      ORDER BY issued_on DESC, letter_id
      LIMIT $limit`,
    { kind: f.kind ?? null, area: f.area ?? null, from: f.from ?? null, to: f.to ?? null, batch: f.batchId ?? null, customer: f.customerId ?? null, limit },
  );
  if (letters.length === 0) return [];
  const lines = await store.read<LetterLineDraft & { letter_id: number; periods: string }>(
    `SELECT letter_id, customer_id, name, address, periods, opening, amount FROM letter_lines
      WHERE list_contains($ids, CAST(letter_id AS VARCHAR)) ORDER BY letter_id, position`,
    { ids: letters.map((l) => String(l.letter_id)) },
  );
  const byLetter = new Map<number, LetterLineDraft[]>();
  for (const { letter_id, periods, ...l } of lines) {
    const list = byLetter.get(letter_id) ?? [];
    list.push({ ...l, bills: parseBillsOwed(periods) });
    byLetter.set(letter_id, list);
  }
  return letters.map((l) => ({ ...l, lines: byLetter.get(l.letter_id) ?? [] }));
}

export async function batchById(store: StateStore, batchId: number): Promise<LetterBatch | null> {
  const rows = await store.read<Omit<LetterBatch, 'header'> & { header_json: string }>(
    `SELECT batch_id, kind, area_code, as_of_month, strftime(issued_on, '%Y-%m-%d') AS issued_on, issued_by, header_json FROM letter_batches WHERE batch_id = $id`,
    { id: batchId },
  );
  if (rows.length === 0) return null;
  const { header_json, ...rest } = rows[0];
  return { ...rest, header: JSON.parse(header_json) };
}
