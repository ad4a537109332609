/**
 * A letter's follow-up (pure): what its listed customers owed overdue on the letter's date and 30, 60
 * and 90 days after, and how many of them had paid in full by then; a day the warehouse does not
 * reach yet has no figure.
 */
import type { CustomerArrearsOnDay } from '../../../etl/queries/follow-up';
import { addDays } from './compose';

export const FOLLOW_UP_OFFSETS = [0, 30, 60, 90] as const;

export interface FollowUpPoint {
  offset: number;
  day: string;
  /** null: the warehouse has no data for that day yet */
  arrears: number | null;
  paid_in_full: number | null;
}

export function followUpDays(issuedOn: string): string[] {
  return FOLLOW_UP_OFFSETS.map((o) => addDays(issuedOn, o));
}

export function followUp(issuedOn: string, customerIds: readonly string[], arrears: readonly CustomerArrearsOnDay[]): FollowUpPoint[] {
  const owed = new Map(arrears.map((a) => [`${a.day}|${a.customer_id}`, a.arrears]));
  return FOLLOW_UP_OFFSETS.map((offset) => {
    const day = addDays(issuedOn, offset);
    const values = customerIds.map((id) => owed.get(`${day}|${id}`));
    if (customerIds.length === 0 || values.some((v) => v === undefined)) return { offset, day, arrears: null, paid_in_full: null };
    const known = values as number[];
    return { offset, day, arrears: known.reduce((s, v) => s + v, 0), paid_in_full: known.filter((v) => v <= 0).length };
  });
}
