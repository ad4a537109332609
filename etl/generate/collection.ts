/**
 * The collection and enforcement team (formed December 2022): four teams working from the head office
 * and the three service units, and what a visit to a debtor ends in. Outcomes then steer the
 * customer's simulation (a payment to the collector, a promise kept or not, a seal, a cut).
 */
import { SERVICE_UNITS, type ServiceUnit } from './areas';
import type { Rng } from './prng';

export interface Collector {
  teamId: string;
  teamName: string;
  collectorId: string;
  collectorName: string;
  unit: ServiceUnit;
}

const TEAM_COLLECTORS: Readonly<Record<string, readonly string[]>> = {
  '01': ['Hendri Saputra', 'Yusman Effendi', 'Rika Marlina', 'Dodi Irawan'],
  '02': ['Sukardi', 'Nova Yanti', 'Agus Salim'],
  '03': ['Bambang Sutejo', 'Lia Permata'],
  '04': ['Zulfikar Hakim', 'Mardiana'],
};

export const COLLECTORS: readonly Collector[] = SERVICE_UNITS.flatMap((unit) =>
  TEAM_COLLECTORS[unit.code].map((collectorName, i) => ({
    teamId: `T${unit.code}`,
    teamName: `Tim Penagihan ${unit.name}`,
    collectorId: `KOL${unit.code}${String(i + 1).padStart(2, '0')}`,
    collectorName,
    unit,
  })),
);

/** A collector of the team serving the customer's area. */
export function collectorFor(rng: Rng, unit: ServiceUnit): Collector {
  return rng.pick(COLLECTORS.filter((c) => c.unit.code === unit.code));
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

export function visitOutcome(rng: Rng, debtor: Debtor): Outcome {
  return OUTCOMES[rng.weighted(OUTCOME_WEIGHTS[debtor])];
}
