/**
 * The web server's settings, read once from the environment. Files that hold users, settings and the
 * generated session secret sit next to each other (default data/), beside the warehouse.
 *
 *   KABA_WAREHOUSE      the DuckDB warehouse the server reads (read-only), default data/warehouse.duckdb
 *   KABA_USERS          users and API tokens, default data/users.json
 *   KABA_SETTINGS       app settings (the arrears reduction target), default data/settings.json
 *   SESSION_SECRET      signs the session cookie; generated into <dir of KABA_USERS>/session-secret when absent
 *   KABA_TRUST_PROXY    1 when a reverse proxy sets X-Forwarded-For/-Proto (client address for rate limits)
 *   KABA_COOKIE_SECURE  1/0 forces the cookie's Secure flag; by default it follows the request's protocol
 */
import { dirname, resolve } from 'node:path';
import { config } from '../../etl/config';

function flag(name: string): boolean | null {
  const v = process.env[name];
  if (v === undefined || v === '') return null;
  return /^(1|true|yes|on)$/i.test(v);
}

export const env = {
  warehouse: config.warehouse,
  usersFile: resolve(process.env.KABA_USERS ?? 'data/users.json'),
  settingsFile: resolve(process.env.KABA_SETTINGS ?? 'data/settings.json'),
  get sessionSecretFile(): string {
    return resolve(dirname(this.usersFile), 'session-secret');
  },
  trustProxy: flag('KABA_TRUST_PROXY') ?? false,
  cookieSecure: flag('KABA_COOKIE_SECURE'),
  production: process.env.NODE_ENV === 'production',
};
