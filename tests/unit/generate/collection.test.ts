/**
 * The collection teams' rules on hand-built cases: what a routine visit ends in given the customer's
 * next payment, how a new team learns, the duty roster, and how the roster staffs a day.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber, periodIndex } from '../../../etl/domain/period';
import { isWorkingDay, workingDaysOf } from '../../../etl/generate/calendar';
import { experience, onDuty, routineVisit, TEAMS, VISITS_PER_DAY } from '../../../etl/generate/collection';
import { Rng } from '../../../etl/generate/prng';
import { VisitRoster, type RoutineVisitRow } from '../../../etl/generate/visit-roster';

const T01 = TEAMS.find((t) => t.teamId === 'T01')!;
const T05 = TEAMS.find((t) => t.teamId === 'T05')!;
const DAY = dayNumber('2026-03-10');

describe('a routine visit', () => {
  it('to a customer who pays four days later is mostly a promise dated on or after that payment: kept', () => {
    const rng = new Rng(1, 1);
    const visits = Array.from({ length: 4000 }, () => routineVisit(rng, 'behind', 1, false, DAY, DAY + 4));
    const promises = visits.filter((v) => v.outcome === 'promise_to_pay');
    const kept = promises.filter((v) => v.promiseDay! >= DAY + 4);
    // at home 78%; then a kept promise 70%, else a promise anyway 30% × 45%, dated before the payment
    expect(promises.length / visits.length).toBeCloseTo(0.78 * (0.7 + 0.3 * 0.45), 1);
    expect(kept.length / promises.length).toBeCloseTo(0.7 / (0.7 + 0.3 * 0.45), 1);
  });

  it('to a customer who does not pay is a broken promise (dated before any payment), a letter or a refusal', () => {
    const rng = new Rng(1, 2);
    const outcomes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const v = routineVisit(rng, 'deep', 1, false, DAY, DAY + 40);
      outcomes.add(v.outcome);
      if (v.outcome === 'promise_to_pay') {
        expect(v.promiseDay!).toBeGreaterThanOrEqual(DAY + 3);
        expect(v.promiseDay!).toBeLessThan(DAY + 40);
      } else expect(v.promiseDay).toBeNull();
    }
    expect([...outcomes].sort()).toEqual(['letter_delivered', 'not_home', 'promise_to_pay', 'refused']);
  });

  it('never collects cash (that only the customer’s own story does) and finds a customer who moved away gone', () => {
    const rng = new Rng(1, 3);
    for (let i = 0; i < 500; i++) {
      expect(['paid', 'partial', 'sealed']).not.toContain(routineVisit(rng, 'behind', 1, false, DAY, DAY + 1).outcome);
      expect(['moved', 'not_home']).toContain(routineVisit(rng, 'behind', 1, true, DAY, DAY + 1).outcome);
    }
  });

  it('by a team in its first month finds nobody home far more often than by an experienced one', () => {
    const notHome = (exp: number) => {
      const rng = new Rng(1, 4);
      return Array.from({ length: 4000 }, () => routineVisit(rng, 'behind', exp, false, DAY, null)).filter((v) => v.outcome === 'not_home').length / 4000;
    };
    // 0.22 for an experienced team; a new one misses half the contacts: 0.22 + 0.78 × 0.5 = 0.61
    expect(notHome(1)).toBeCloseTo(0.22, 1);
    expect(notHome(0)).toBeCloseTo(0.61, 1);
  });
});

describe('the teams', () => {
  it('learn over their first five months', () => {
    const july = periodIndex('2025-07');
    expect(T05.fromIdx).toBe(july);
    expect(experience(T05, july)).toBe(0);
    expect(experience(T05, july + 2)).toBeCloseTo(0.4);
    expect(experience(T05, july + 5)).toBe(1);
    expect(experience(T05, july + 20)).toBe(1);
  });

  it('have each collector on duty about 90% of working days', () => {
    const days = workingDaysOf(periodIndex('2025-01')).concat(workingDaysOf(periodIndex('2025-02')), workingDaysOf(periodIndex('2025-03')));
    const collectors = TEAMS.flatMap((t) => t.collectors);
    const onDutyShare = collectors.flatMap((c) => days.map((d) => onDuty(c, d))).filter(Boolean).length / (collectors.length * days.length);
    expect(onDutyShare).toBeGreaterThan(0.86);
    expect(onDutyShare).toBeLessThan(0.94);
  });

  it('work Monday to Friday, not on national holidays', () => {
    expect(isWorkingDay(dayNumber('2025-08-15'))).toBe(true); // Friday
    expect(isWorkingDay(dayNumber('2025-08-16'))).toBe(false); // Saturday
    expect(isWorkingDay(dayNumber('2025-08-17'))).toBe(false); // Independence Day, a Sunday anyway
    expect(isWorkingDay(dayNumber('2025-12-25'))).toBe(false); // Christmas, a Thursday
    expect(isWorkingDay(dayNumber('2025-03-31'))).toBe(false); // Idul Fitri, a Monday
  });
});

describe('the roster of a team’s day', () => {
  const row = (i: number): RoutineVisitRow => ({
    visitId: `V${i}`, customerId: `C${i}`, desaCode: `17.02.09.10${String(i % 20).padStart(2, '0')}`, latitude: -3.47 + i / 1e4,
    day: DAY, second: 36_000 + i, outcome: 'not_home', promiseDay: null,
  });
  const staff = (offered: number, fixed: [string, number][] = []) => {
    const roster = new VisitRoster(new Rng(5, 5));
    for (const [id, n] of fixed) for (let i = 0; i < n; i++) roster.fixed(T01, T01.collectors.find((c) => c.collectorId === id)!, DAY);
    for (let i = 0; i < offered; i++) roster.offer(T01, DAY, () => row(i));
    const perCollector = new Map<string, number>();
    for (const { collector } of roster.staffed()) perCollector.set(collector.collectorId, (perCollector.get(collector.collectorId) ?? 0) + 1);
    return perCollector;
  };

  it('with plenty of debtors, sends every collector on duty out for 21 to 25 visits', () => {
    const day = staff(1000);
    const onDutyToday = T01.collectors.filter((c) => onDuty(c, DAY)).length;
    expect(day.size).toBe(onDutyToday);
    for (const n of day.values()) {
      expect(n).toBeGreaterThanOrEqual(VISITS_PER_DAY.min);
      expect(n).toBeLessThanOrEqual(VISITS_PER_DAY.max);
    }
  });

  it('with work for one collector only, sends one', () => {
    const day = staff(30);
    expect(day.size).toBe(1);
    expect([...day.values()][0]).toBeGreaterThanOrEqual(VISITS_PER_DAY.min);
  });

  it('with fewer than a day’s work (21 visits) to make, stays at the office', () => {
    expect(staff(20).size).toBe(0);
  });

  it('fills a collector with visits of their own to the day’s quota, routine visits counted on top', () => {
    const day = staff(5, [['KOL0101', 3]]);
    // 3 own + 5 offered = 8: nobody else goes, KOL0101 takes all five
    expect([...day]).toEqual([['KOL0101', 5]]);
  });

  it('gives each customer to one collector only', () => {
    const roster = new VisitRoster(new Rng(5, 6));
    for (let i = 0; i < 300; i++) roster.offer(T01, DAY, () => row(i));
    const customers = [...roster.staffed()].map((s) => s.visit.customerId);
    expect(new Set(customers).size).toBe(customers.length);
  });
});
