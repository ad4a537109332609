/**
 * 2-opt and Or-opt local search on a closed tour, with neighbour lists and don't-look bits so that a
 * tour of 1,000 stops improves in milliseconds, and the segment-swap kick (the double bridge) that
 * iterated local search uses to leave a local optimum.
 *
 * The tour is an array of nodes with each node's position beside it. Only the nodes in the work queue
 * are examined (a node leaves the queue when no improving move starts from it: its don't-look bit),
 * and a move puts back the endpoints of the edges it changed. Candidate moves only join a node to one
 * of its k nearest neighbours, and only when that new edge is shorter than the edge it replaces
 * (the gain criterion): the moves that can pay off almost always look like that.
 */
import type { DistanceMatrix } from './matrix';

/** Improvements smaller than this are rounding noise; ignoring them keeps the search from cycling. */
const EPSILON = 1e-7;

/** The k nearest other nodes of every node, nearest first, as one flat array of rows of k. */
export function nearestNeighbourLists(matrix: DistanceMatrix, k: number): { k: number; lists: Int32Array } {
  const n = matrix.size;
  const kk = Math.max(0, Math.min(k, n - 1));
  const lists = new Int32Array(n * kk);
  const nearest = new Float64Array(kk);
  const d = matrix.values;
  for (let i = 0; i < n; i++) {
    // Insertion into a short sorted row: O(n·k) at worst, and most nodes are rejected at the first test.
    // Nodes come in increasing number and only a strictly shorter distance displaces, so ties keep the
    // lower node: the lists, and so the whole search, never depend on sort stability.
    let filled = 0;
    const row = i * kk;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dj = d[i * n + j];
      if (filled === kk && !(dj < nearest[kk - 1])) continue;
      let at = filled < kk ? filled++ : kk - 1;
      while (at > 0 && dj < nearest[at - 1]) {
        nearest[at] = nearest[at - 1];
        lists[row + at] = lists[row + at - 1];
        at--;
      }
      nearest[at] = dj;
      lists[row + at] = j;
    }
  }
  return { k: kk, lists };
}

export class TourSearch {
  readonly n: number;
  /** tour[p] is the node at position p. */
  readonly tour: Int32Array;
  /** pos[node] is the position of node on the tour. */
  readonly pos: Int32Array;
  length: number;

  private readonly d: Float64Array;
  private readonly k: number;
  private readonly neighbours: Int32Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private count = 0;
  private readonly scratch: Int32Array;

  constructor(matrix: DistanceMatrix, neighbours: { k: number; lists: Int32Array }, initial: ArrayLike<number>) {
    this.n = matrix.size;
    this.d = matrix.values;
    this.k = neighbours.k;
    this.neighbours = neighbours.lists;
    this.tour = new Int32Array(this.n);
    this.pos = new Int32Array(this.n);
    this.queue = new Int32Array(this.n);
    this.queued = new Uint8Array(this.n);
    this.scratch = new Int32Array(this.n);
    this.length = 0;
    this.load(initial);
  }

  /** Replaces the tour (and its length) with `tour`, e.g. to go back to the best one found. */
  load(tour: ArrayLike<number>): void {
    const n = this.n;
    let length = 0;
    for (let p = 0; p < n; p++) {
      this.tour[p] = tour[p];
      this.pos[tour[p]] = p;
      length += this.d[tour[p] * n + tour[(p + 1) % n]];
    }
    this.length = length;
  }

  /** Local search from every node: call once on a fresh tour. */
  optimiseAll(): void {
    for (let p = 0; p < this.n; p++) this.push(this.tour[p]);
    this.run();
  }

  /** Local search until no improving move starts from a queued node. */
  run(): void {
    while (this.count > 0) {
      const a = this.queue[this.head];
      this.head = (this.head + 1) % this.n;
      this.count--;
      this.queued[a] = 0;
      if (this.twoOpt(a) || this.orOpt(a)) this.push(a);
    }
  }

  /**
   * Segment swap (the double bridge on a closed tour): the tour A B C D becomes A C B D, three edges
   * replaced by three without reversing anything, a change 2-opt cannot undo in one move (Or-opt can
   * only when B or C is 1–3 nodes). B and C are short (at most `window` nodes each) and adjacent, so the
   * kick stays local and the repair is quick.
   */
  kick(random: () => number, window: number): void {
    const n = this.n;
    if (n < 8) return;
    const w = Math.max(1, Math.min(window, Math.floor((n - 2) / 2)));
    const i = Math.floor(random() * n);
    const l1 = 1 + Math.floor(random() * w);
    const l2 = 1 + Math.floor(random() * w);
    const at = (offset: number) => this.tour[(i + offset) % n];
    const a = at(0);
    const b1 = at(1);
    const b2 = at(l1);
    const c1 = at(l1 + 1);
    const c2 = at(l1 + l2);
    const e = at(l1 + l2 + 1);
    const d = this.d;
    this.length +=
      d[a * n + c1] + d[c2 * n + b1] + d[b2 * n + e] - d[a * n + b1] - d[b2 * n + c1] - d[c2 * n + e];
    const s = this.scratch;
    for (let q = 0; q < l2; q++) s[q] = at(l1 + 1 + q);
    for (let q = 0; q < l1; q++) s[l2 + q] = at(1 + q);
    for (let q = 0; q < l1 + l2; q++) {
      const p = (i + 1 + q) % n;
      this.tour[p] = s[q];
      this.pos[s[q]] = p;
    }
    this.push(a);
    this.push(b1);
    this.push(b2);
    this.push(c1);
    this.push(c2);
    this.push(e);
  }

  private next(node: number): number {
    const p = this.pos[node] + 1;
    return this.tour[p === this.n ? 0 : p];
  }

  private prev(node: number): number {
    const p = this.pos[node];
    return this.tour[p === 0 ? this.n - 1 : p - 1];
  }

  /** Whether `node` is on the `len` positions from `start` onwards. */
  private inSegment(node: number, start: number, len: number): boolean {
    const offset = this.pos[node] - start;
    return (offset < 0 ? offset + this.n : offset) < len;
  }

  private push(node: number): void {
    if (this.queued[node]) return;
    this.queued[node] = 1;
    this.queue[(this.head + this.count) % this.n] = node;
    this.count++;
  }

  /** Reverses the path from position i forward to position j (both included), or its complement if shorter. */
  private reverse(i: number, j: number): void {
    const n = this.n;
    let len = ((j - i + n) % n) + 1;
    if (len * 2 > n) {
      const from = (j + 1) % n;
      j = (i - 1 + n) % n;
      i = from;
      len = n - len;
    }
    for (let s = 0; s < len >> 1; s++) {
      const a = this.tour[i];
      const b = this.tour[j];
      this.tour[i] = b;
      this.pos[b] = i;
      this.tour[j] = a;
      this.pos[a] = j;
      i = i + 1 === n ? 0 : i + 1;
      j = j === 0 ? n - 1 : j - 1;
    }
  }

  /** 2-opt: replace edges (a, succ a) and (c, succ c) by (a, c) and (succ a, succ c); likewise backwards. */
  private twoOpt(a: number): boolean {
    const { n, d, k, neighbours } = this;
    for (let forward = 1; forward >= 0; forward--) {
      const b = forward ? this.next(a) : this.prev(a);
      const dab = d[a * n + b];
      for (let r = 0; r < k; r++) {
        const c = neighbours[a * k + r];
        const dac = d[a * n + c];
        if (dac >= dab) break;
        const cc = forward ? this.next(c) : this.prev(c);
        if (c === b || cc === a) continue;
        const delta = dac + d[b * n + cc] - dab - d[c * n + cc];
        if (delta < -EPSILON) {
          if (forward) this.reverse(this.pos[b], this.pos[c]);
          else this.reverse(this.pos[c], this.pos[b]);
          this.length += delta;
          this.push(b);
          this.push(c);
          this.push(cc);
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Or-opt: move a segment of 1–3 nodes that starts or ends at `a` between two other neighbouring
   * nodes, in either orientation.
   */
  private orOpt(a: number): boolean {
    for (let len = 1; len <= 3 && len + 3 <= this.n; len++) {
      if (this.moveSegment(a, len)) return true;
      if (len > 1) {
        let first = a;
        for (let s = 1; s < len; s++) first = this.prev(first);
        if (this.moveSegment(first, len)) return true;
      }
    }
    return false;
  }

  /** Tries to move the segment of `len` nodes starting at `s1` (forward) to a better place. */
  private moveSegment(s1: number, len: number): boolean {
    const { n, d, k, neighbours, pos } = this;
    let s2 = s1;
    for (let s = 1; s < len; s++) s2 = this.next(s2);
    const p = this.prev(s1);
    const nx = this.next(s2);
    const removeGain = d[p * n + s1] + d[s2 * n + nx] - d[p * n + nx];
    if (removeGain <= EPSILON) return false;
    const start = pos[s1];

    for (let end = 0; end < 2; end++) {
      // e is the segment end that will touch neighbour c; o is the other end.
      const e = end === 0 ? s1 : s2;
      const o = end === 0 ? s2 : s1;
      for (let r = 0; r < k; r++) {
        const c = neighbours[e * k + r];
        const dec = d[e * n + c];
        if (dec >= removeGain) break;
        if (this.inSegment(c, start, len)) continue;
        // Insert between c and its successor: c e … o succ(c).
        const cn = this.next(c);
        if (!this.inSegment(cn, start, len)) {
          const delta = dec + d[o * n + cn] - d[c * n + cn] - removeGain;
          if (delta < -EPSILON) {
            this.applySegmentMove(s1, len, c, e === s2, delta, [p, nx, s1, s2, c, cn]);
            return true;
          }
        }
        // Insert between c's predecessor and c: pred(c) o … e c.
        const cp = this.prev(c);
        if (!this.inSegment(cp, start, len)) {
          const delta = dec + d[o * n + cp] - d[c * n + cp] - removeGain;
          if (delta < -EPSILON) {
            this.applySegmentMove(s1, len, cp, e === s1, delta, [p, nx, s1, s2, c, cp]);
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Rewrites the tour with the segment of `len` nodes from `s1` taken out and put back right after
   * `after`, reversed or not. Linear in the tour's length, which at 1,000 stops is cheaper than the
   * bookkeeping a cleverer tour structure would need.
   */
  private applySegmentMove(
    s1: number,
    len: number,
    after: number,
    reversed: boolean,
    delta: number,
    touched: readonly number[],
  ): void {
    const n = this.n;
    const segment: number[] = [];
    let node = s1;
    for (let s = 0; s < len; s++) {
      segment.push(node);
      node = this.next(node);
    }
    if (reversed) segment.reverse();
    const out = this.scratch;
    let w = 0;
    // Walking on from the node after the segment visits every other node once, ending just before it.
    for (let s = 0; s < n - len; s++) {
      out[w++] = node;
      if (node === after) for (const m of segment) out[w++] = m;
      node = this.next(node);
    }
    for (let q = 0; q < n; q++) {
      this.tour[q] = out[q];
      this.pos[out[q]] = q;
    }
    this.length += delta;
    for (const t of touched) this.push(t);
  }
}
