/**
 * The letters of an area (a kecamatan or a desa code) with their follow-up, for the area panel
 * (app/ui/letters/area-letters.tsx) on the arrears pages and on /letters.
 */
import type { LetterFilter } from '../../../etl/store/letters';
import type { User } from '../roles';
import { scopeFor } from '../scope.server';
import { lettersWithFollowUp, type LetterWithFollowUp } from './letters.server';

export function areaLetters(user: User, filter: LetterFilter & { area: string | null }): Promise<LetterWithFollowUp[]> {
  return lettersWithFollowUp(filter, scopeFor(user), 100);
}
