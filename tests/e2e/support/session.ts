/** Signing in through the page, as a person would. */
import { expect, type Page } from '@playwright/test';
import { DEMO_USERS, type DemoUser } from '../../../app/cli/demo-users';
import type { Role } from '../../../app/lib/roles';

export { DEMO_USERS };

export function demoUser(role: Role): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

/** Signs in on the sign-in page (Indonesian labels) and waits for the signed-in layout. */
export async function signIn(page: Page, role: Role, path = '/'): Promise<DemoUser> {
  const user = demoUser(role);
  await page.goto(`/login?redirectTo=${encodeURIComponent(path)}`);
  await page.getByLabel('Nama pengguna').fill(user.name);
  await page.getByLabel('Kata sandi').fill(user.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(user.name);
  return user;
}
