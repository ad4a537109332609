/**
 * The collection and enforcement teams: four formed in December 2022 at the head office and the three
 * service units, and a mobile team (tim penagihan keliling) from July 2025 that works the head office's
 * area alongside its team. What a visit ends in depends on the debtor, and on how long the team has
 * been at it: a new team finds fewer people at home and gets fewer of them to pay.
 *
 * Two kinds of visit: a visit that changes the customer's story (cash collected, a seal, a deal to pay
 * in instalments), drawn from the customer's own stream in the simulation, and the routine visits that
 * fill a collector's day around them (nobody home, a letter left, a promise), drawn from a stream of
 * their own so that they never change the ledger and the arrears stay what the calibration makes them.
 */
import { periodIndex } from '../domain/period';
import { SERVICE_UNITS, type ServiceUnit } from './areas';
import { COLLECTION_TEAM_FROM } from './channels';
import { hashText, Rng } from './prng';

export interface Collector {
  teamId: string;
  teamName: string;
  collectorId: string;
  collectorName: string;
  /** the service unit whose area the team works and where it is based */
  unit: ServiceUnit;
}

export interface Team {
  teamId: string;
  teamName: string;
  unit: ServiceUnit;
  /** month index of the team's first visits */
  fromIdx: number;
  collectors: readonly Collector[];
}

const MOBILE_TEAM_FROM = periodIndex('2025-07');

const TEAM_PLAN: readonly { code: string; name: string; unit: string; from: number; collectors: readonly string[] }[] = [
  { code: '01', name: 'Tim Penagihan Curup', unit: '01', from: COLLECTION_TEAM_FROM, collectors: ['Hendri Saputra', 'Yusman Effendi', 'Rika Marlina', 'Dodi Irawan'] },
  { code: '02', name: 'Tim Penagihan Kampung Delima', unit: '02', from: COLLECTION_TEAM_FROM, collectors: ['Sukardi', 'Nova Yanti', 'Agus Salim'] },
  { code: '03', name: 'Tim Penagihan Belitar', unit: '03', from: COLLECTION_TEAM_FROM, collectors: ['Bambang Sutejo', 'Lia Permata'] },
  { code: '04', name: 'Tim Penagihan Padang Ulak Tanding', unit: '04', from: COLLECTION_TEAM_FROM, collectors: ['Zulfikar Hakim', 'Mardiana'] },
  { code: '05', name: 'Tim Penagihan Keliling', unit: '01', from: MOBILE_TEAM_FROM, collectors: ['Fajar Nugraha', 'Desi Ratnasari', 'Iwan Kurniawan'] },
];

export const TEAMS: readonly Team[] = TEAM_PLAN.map((t) => {
  const unit = SERVICE_UNITS.find((u) => u.code === t.unit)!;
  const teamId = `T${t.code}`;
  return {
    teamId,
    teamName: t.name,
    unit,
    fromIdx: t.from,
    collectors: t.collectors.map((collectorName, i) => ({
      teamId,
      teamName: t.name,
      collectorId: `KOL${t.code}${String(i + 1).padStart(2, '0')}`,
      collectorName,
      unit,
    })),
  };
});

export const COLLECTORS: readonly Collector[] = TEAMS.flatMap((t) => t.collectors);

/**
 * Visits a collector makes on a day in the field: 21–25, 23 on average, so that over all working days,
 * the days on leave or at the office included, a collector still averages over 20.
 */
export const VISITS_PER_DAY = { min: 21, max: 25 } as const;

/** The teams working a unit's area in a month, and how many collectors each puts in the field. */
function teamsAt(unit: ServiceUnit, monthIdx: number): Team[] {
  return TEAMS.filter((t) => t.unit.code === unit.code && t.fromIdx <= monthIdx);
}

/** The team that visits a debtor of the unit this month: where two share an area, by their size. */
export function teamFor(rng: Rng, unit: ServiceUnit, monthIdx: number): Team {
  const teams = teamsAt(unit, monthIdx);
  return teams.length === 1 ? teams[0] : teams[rng.weighted(teams.map((t) => t.collectors.length))];
}

/** Collectors in the field per working day in the unit's area (all its teams together). */
export function fieldCapacity(unit: ServiceUnit, monthIdx: number): number {
  return teamsAt(unit, monthIdx).reduce((s, t) => s + t.collectors.length, 0);
}

/** Share of working days a collector is free for the field (leave, training and office days aside). */
const ON_DUTY = 0.9;

/** The duty roster: the same for every run, so that it needs no state shared between customers. */
export function onDuty(collector: Collector, day: number): boolean {
  return new Rng(hashText(collector.collectorId), day).next() < ON_DUTY;
}

/** A collector of the team on duty that day, for a visit the customer's simulation decides. */
export function collectorOf(rng: Rng, team: Team, day: number): Collector {
  const free = team.collectors.filter((c) => onDuty(c, day));
  return rng.pick(free.length > 0 ? free : team.collectors);
}

const RAMP_MONTHS = 5;
/** A new team misses this share of the contacts an experienced one makes. */
const NEW_TEAM_MISSES = 0.5;

/** 0 in a team's first month, 1 from its sixth: how far it has learnt the area and its debtors. */
export function experience(team: Team, monthIdx: number): number {
  return Math.min(1, Math.max(0, (monthIdx - team.fromIdx) / RAMP_MONTHS));
}

export const OUTCOMES = ['paid', 'partial', 'promise_to_pay', 'not_home', 'refused', 'sealed', 'letter_delivered', 'moved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Who the collector finds: a cut-off debtor, a connected customer deep in arrears (or not paying at
 * all), or one who is a bill or three behind.
 */
export type Debtor = 'disconnected' | 'deep' | 'behind';

const OUTCOME_WEIGHTS: Readonly<Record<Debtor, readonly number[]>> = {
  //            paid  partial promise not_home refused sealed letter moved
  disconnected: [0.03, 0.1, 0.1, 0.25, 0.05, 0, 0.22, 0.25],
  deep: [0.03, 0.17, 0.2, 0.18, 0.1, 0.1, 0.17, 0.05],
  behind: [0.4, 0.15, 0.2, 0.12, 0.02, 0.01, 0.1, 0],
};

const WON: ReadonlySet<Outcome> = new Set(['paid', 'partial', 'promise_to_pay']);

/** The outcome of a visit that may change the customer's story; a new team loses some of what it could win. */
export function visitOutcome(rng: Rng, debtor: Debtor, teamExperience = 1): Outcome {
  const outcome = OUTCOMES[rng.weighted(OUTCOME_WEIGHTS[debtor])];
  if (teamExperience < 1 && WON.has(outcome) && rng.chance((1 - teamExperience) * NEW_TEAM_MISSES)) return 'not_home';
  return outcome;
}

/** How often an experienced collector finds nobody home on a routine visit. */
const ROUTINE_NOT_HOME: Readonly<Record<Debtor, number>> = { behind: 0.22, deep: 0.3, disconnected: 0.4 };
/** Among routine contacts without a payment soon after: promise, letter, refusal. */
const ROUTINE_CONTACT: Readonly<Record<Debtor, readonly number[]>> = {
  behind: [0.45, 0.42, 0.13],
  deep: [0.35, 0.4, 0.25],
  disconnected: [0.2, 0.55, 0.25],
};
/** A routine visit followed by a payment within this many days met a customer about to pay. */
export const PAYS_SOON_DAYS = 14;

export interface RoutineVisit {
  outcome: Outcome;
  promiseDay: number | null;
}

/**
 * A routine visit, told from what the customer did next: the customer who pays within two weeks mostly
 * promised it (and the promise runs to that payment, so it is kept); the others promise and do not pay,
 * take a letter or refuse. A customer who has moved away is not found.
 */
export function routineVisit(rng: Rng, debtor: Debtor, teamExperience: number, gone: boolean, day: number, nextPaymentDay: number | null): RoutineVisit {
  if (gone) return { outcome: rng.chance(0.7) ? 'moved' : 'not_home', promiseDay: null };
  const notHome = ROUTINE_NOT_HOME[debtor] + (1 - teamExperience) * (1 - ROUTINE_NOT_HOME[debtor]) * NEW_TEAM_MISSES;
  if (rng.chance(notHome)) return { outcome: 'not_home', promiseDay: null };
  const paysSoon = nextPaymentDay !== null && nextPaymentDay - day <= PAYS_SOON_DAYS;
  if (paysSoon && rng.chance(0.7)) return { outcome: 'promise_to_pay', promiseDay: Math.max(nextPaymentDay, day + 3) + rng.int(0, 4) };
  const kind = rng.weighted(ROUTINE_CONTACT[debtor]);
  // a broken promise: its date comes before the customer's next payment
  const lastBroken = nextPaymentDay === null ? day + 21 : Math.min(day + 21, nextPaymentDay - 1);
  if (kind === 0 && lastBroken >= day + 3) return { outcome: 'promise_to_pay', promiseDay: rng.int(day + 3, lastBroken) };
  return { outcome: kind === 2 ? 'refused' : 'letter_delivered', promiseDay: null };
}
