/**
 * Where the deliberate oddities and bad rows go. Each is given a customer index drawn up front and is
 * made at the first customer from that index on that can carry it (one with a bill, a visit, a settled
 * bill …), so they spread through the files and the run stays deterministic.
 */
import { BAD_ROWS, canMake, type BadRowContext, type BadRowKind, type StreamedFile } from './bad-rows';
import type { Rng } from './prng';
import type { Oddities } from './simulate';

type OddityKind = keyof Oddities;

function startingPoints(rng: Rng, count: number, total: number): number[] {
  return Array.from({ length: count }, () => rng.int(0, Math.max(0, total - 1))).sort((a, b) => a - b);
}

export function planOddities(rng: Rng, total: number, wanted: Readonly<Record<OddityKind, number>>) {
  const kinds = Object.keys(wanted) as OddityKind[];
  const queue = Object.fromEntries(kinds.map((k) => [k, startingPoints(rng, wanted[k], total)])) as Record<OddityKind, number[]>;
  const made = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<OddityKind, number>;
  return {
    /** What customer `index` is asked to produce if it can. */
    ask(index: number): Oddities {
      return Object.fromEntries(kinds.map((k) => [k, queue[k].length > 0 && queue[k][0] <= index])) as unknown as Oddities;
    },
    produced(done: Oddities): void {
      for (const k of kinds) {
        if (!done[k]) continue;
        queue[k].shift();
        made[k]++;
      }
    },
    counts(): Record<OddityKind, number> {
      return { ...made };
    },
  };
}

export function planBadRows(rng: Rng, total: number) {
  const due: { file: StreamedFile; kind: BadRowKind; at: number }[] = [];
  for (const file of Object.keys(BAD_ROWS) as StreamedFile[]) {
    for (const kind of BAD_ROWS[file]) due.push({ file, kind, at: rng.int(0, Math.max(0, total - 1)) });
  }
  due.sort((a, b) => a.at - b.at);
  return {
    /** Makes the bad rows whose turn has come and that this customer can carry. */
    injectDue(index: number, ctx: BadRowContext, write: (file: StreamedFile, reason: string, line: string) => void): void {
      for (let i = 0; i < due.length && due[i].at <= index; ) {
        const d = due[i];
        if (canMake(d.kind, ctx)) {
          write(d.file, d.kind.reason, d.kind.line(ctx));
          due.splice(i, 1);
        } else i++;
      }
    },
  };
}
