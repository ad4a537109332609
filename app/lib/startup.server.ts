/**
 * What the operator needs to know when the server starts, on stderr: no users yet (and how to create
 * the first admin), demo accounts with published passwords in production, no warehouse yet.
 */
import { existsSync } from 'node:fs';
import { env } from './env.server';
import { sessionStorage } from './session.server';
import { userStore } from './users.server';

let announced = false;

export async function announceStartup(): Promise<void> {
  if (announced) return;
  announced = true;
  sessionStorage(); // reads or generates the session secret now, so its warning comes at start
  try {
    const users = await userStore().list();
    if (users.length === 0) {
      const how =
        `no users in ${env.usersFile}. Create the first admin with\n` +
        `    npm run user -- add admin --role admin        (the password is read from standard input)\n` +
        `  or, for a demo, one user per role with\n` +
        `    npm run user -- demo`;
      if (env.production) console.warn(`[kaba] ${how}`);
      else console.info(`[kaba] ${how}`);
    } else if (env.production && users.some((u) => u.demo)) {
      const names = users.filter((u) => u.demo).map((u) => u.name).join(', ');
      console.warn(`[kaba] demo accounts with published passwords exist (${names}): remove them with npm run user -- remove NAME`);
    }
  } catch (error) {
    console.error(`[kaba] cannot read ${env.usersFile}: ${(error as Error).message}`);
  }
  if (!existsSync(env.warehouse)) {
    console.warn(`[kaba] no warehouse at ${env.warehouse} yet: load data with npm run etl -- <files or folders> (the server picks it up without a restart)`);
  }
}
