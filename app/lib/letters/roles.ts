/** Who issues letters: admins, directors and supervisors (the roles that see the customers listed). */
import { canSeePersonalData, type User } from '../roles';

export function canIssueLetters(user: Pick<User, 'role'>): boolean {
  return canSeePersonalData(user);
}
