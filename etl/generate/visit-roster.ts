/**
 * The collectors' days. Customers are simulated one after another, so no customer knows how many
 * others are in arrears on a day: each debtor offers routine visits, and every team and working day
 * keeps a uniform sample of them (reservoir sampling, so memory stays one day's worth per team).
 * At the end each day is staffed: as many collectors on duty as the day has work for a full day each
 * (those with a visit the simulation gave them come anyway), each filled to a day's quota of 21–25,
 * the debtors sorted by desa and position and cut in runs, so a collector works one neighbourhood.
 */
import { type Collector, onDuty, type Outcome, type Team, TEAMS, VISITS_PER_DAY } from './collection';
import type { Rng } from './prng';

export interface RoutineVisitRow {
  visitId: string;
  customerId: string;
  desaCode: string;
  latitude: number;
  day: number;
  second: number;
  outcome: Outcome;
  promiseDay: number | null;
}

interface TeamDay {
  team: Team;
  day: number;
  /** routine visits offered so far */
  seen: number;
  sample: RoutineVisitRow[];
  /** visits the simulation gave each collector that day */
  fixed: Map<string, number>;
}

export class VisitRoster {
  /** by day × teams + team */
  private readonly days = new Map<number, TeamDay>();

  constructor(private readonly rng: Rng) {}

  private teamDay(team: Team, day: number): TeamDay {
    const key = day * TEAMS.length + TEAMS.indexOf(team);
    let d = this.days.get(key);
    if (!d) this.days.set(key, (d = { team, day, seen: 0, sample: [], fixed: new Map() }));
    return d;
  }

  /** A visit the simulation made: its collector is in the field that day. */
  fixed(team: Team, collector: Collector, day: number): void {
    const fixed = this.teamDay(team, day).fixed;
    fixed.set(collector.collectorId, (fixed.get(collector.collectorId) ?? 0) + 1);
  }

  /** A routine visit offered for the team's day; `make` runs only if the sample takes it. */
  offer(team: Team, day: number, make: () => RoutineVisitRow): void {
    const d = this.teamDay(team, day);
    const capacity = team.collectors.length * VISITS_PER_DAY.max;
    const i = d.seen++;
    if (i < capacity) d.sample.push(make());
    else {
      const j = this.rng.int(0, i);
      if (j < capacity) d.sample[j] = make();
    }
  }

  /** Every team's days in time order, each routine visit with the collector who made it. */
  *staffed(): Generator<{ collector: Collector; visit: RoutineVisitRow }> {
    const order = [...this.days.values()].sort((a, b) => a.day - b.day || TEAMS.indexOf(a.team) - TEAMS.indexOf(b.team));
    for (const d of order) yield* this.staff(d);
  }

  private *staff(d: TeamDay): Generator<{ collector: Collector; visit: RoutineVisitRow }> {
    const fixedTotal = [...d.fixed.values()].reduce((s, n) => s + n, 0);
    const wanted = Math.min(d.team.collectors.length, Math.floor((fixedTotal + d.seen) / VISITS_PER_DAY.min));
    const inField = d.team.collectors.filter((c) => d.fixed.has(c.collectorId));
    const others = this.shuffled(d.team.collectors.filter((c) => !d.fixed.has(c.collectorId) && onDuty(c, d.day)));
    while (inField.length < wanted && others.length > 0) inField.push(others.pop()!);
    inField.sort((a, b) => (a.collectorId < b.collectorId ? -1 : 1));
    const slots = inField.map((c) => Math.max(0, this.rng.int(VISITS_PER_DAY.min, VISITS_PER_DAY.max) - (d.fixed.get(c.collectorId) ?? 0)));
    const kept = this.shuffled(d.sample).slice(0, slots.reduce((s, n) => s + n, 0));
    kept.sort((a, b) => (a.desaCode < b.desaCode ? -1 : a.desaCode > b.desaCode ? 1 : a.latitude - b.latitude));
    let next = 0;
    for (let c = 0; c < inField.length; c++) {
      const run = kept.slice(next, next + slots[c]).sort((a, b) => a.second - b.second);
      next += slots[c];
      for (const visit of run) yield { collector: inField[c], visit };
    }
  }

  private shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.rng.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
