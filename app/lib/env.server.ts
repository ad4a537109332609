/**
 * The web server's settings, read once from the environment. Files that hold users, settings and the
 * generated session secret sit next to each other (default data/), beside the warehouse.
 *
 *   KABA_WAREHOUSE      the DuckDB warehouse the server reads (read-only), default data/warehouse.duckdb
 *   KABA_USERS          users and API tokens, default data/users.json
 *   KABA_SETTINGS       app settings (the arrears reduction target), default data/settings.json
 *   KABA_STATE          what the server writes (issued letters, route plans), default data/state.duckdb
 *   SESSION_SECRET      signs the session cookie; generated into <dir of KABA_USERS>/session-secret when absent
 *                       (the signed-in sessions themselves are listed in <dir of KABA_USERS>/sessions.json)
 *   KABA_TRUST_PROXY    1 when a reverse proxy sets X-Forwarded-For/-Proto (client address for rate limits)
 *   KABA_COOKIE_SECURE  1/0 forces the cookie's Secure flag; by default it follows the request's protocol
 *   KABA_SERVER_MEMORY_LIMIT  DuckDB's memory limit in the web server (data read and query memory, per
 *                       open warehouse file), default 256MB (DuckDB's default: 80% of RAM); a query
 *                       that needs more spills to <warehouse>.tmp/. Node's own memory comes on top.
 *                       Loads (npm run etl) have their own limit, KABA_MEMORY_LIMIT (default 2GB).
 */
import { dirname, resolve } from 'node:path';
import { config } from '../../etl/config';

function flag(name: string): boolean | null {
  const v = process.env[name];
  if (v === undefined || v === '') return null;
  return /^(1|true|yes|on)$/i.test(v);
}

/** A DuckDB memory size: 256MB, 1.5GB, 512MiB… */
export const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

function size(name: string, fallback: string): string {
  const v = process.env[name]?.trim();
  if (!v) return fallback;
  if (!SIZE.test(v)) throw new Error(`${name}=${v} is not a size like ${fallback} (B, KB, MB, GB, TB, or KiB… GiB)`);
  return v;
}

export const env = {
  warehouse: config.warehouse,
  usersFile: resolve(process.env.KABA_USERS ?? 'data/users.json'),
  settingsFile: resolve(process.env.KABA_SETTINGS ?? 'data/settings.json'),
  stateFile: resolve(process.env.KABA_STATE ?? 'data/state.duckdb'),
  get sessionSecretFile(): string {
    return resolve(dirname(this.usersFile), 'session-secret');
  },
  get sessionsFile(): string {
    return resolve(dirname(this.usersFile), 'sessions.json');
  },
  trustProxy: flag('KABA_TRUST_PROXY') ?? false,
  cookieSecure: flag('KABA_COOKIE_SECURE'),
  production: process.env.NODE_ENV === 'production',
  serverMemoryLimit: size('KABA_SERVER_MEMORY_LIMIT', '512MB'),
};
