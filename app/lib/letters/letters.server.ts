/**
 * Issued letters as the pages and the API show them: from the state store, each with its follow-up
 * from the warehouse (arrearsOfCustomersOn for every listed customer on every follow-up day at once).
 * Without personal data the listed customers' names and addresses are left out.
 */
import { arrearsOfCustomersOn } from '../../../etl/queries/follow-up';
import { listLetters, type IssuedLetter, type LetterFilter } from '../../../etl/store/letters';
import type { Scope } from '../scope.server';
import { stateStore } from '../state.server';
import { withWarehouse } from '../warehouse.server';
import { followUp, followUpDays, type FollowUpPoint } from './follow-up';

export interface LetterWithFollowUp extends IssuedLetter {
  follow_up: FollowUpPoint[];
}

export async function lettersWithFollowUp(filter: LetterFilter, scope: Scope, limit = 200): Promise<LetterWithFollowUp[]> {
  const letters = await listLetters(await stateStore(), filter, limit);
  if (letters.length === 0) return [];
  const ids = [...new Set(letters.flatMap((l) => l.lines.map((x) => x.customer_id)))];
  const days = [...new Set(letters.flatMap((l) => followUpDays(l.issued_on)))].sort();
  // A letter never changes once issued, so its listed customers and follow-up days are named by its id.
  const key = `letters:follow-up:${letters.map((l) => l.letter_id).join(',')}`;
  const arrears = await withWarehouse((wh, file) => file.cached(key, () => arrearsOfCustomersOn(wh, { customerIds: ids, days })));
  return letters.map((l) => ({
    ...l,
    recipient: l.customer_id && !scope.personalData ? '' : l.recipient,
    recipient_place: l.customer_id && !scope.personalData ? '' : l.recipient_place,
    lines: scope.personalData ? l.lines : l.lines.map((x) => ({ ...x, name: '', address: '' })),
    follow_up: followUp(l.issued_on, l.lines.map((x) => x.customer_id), arrears),
  }));
}
