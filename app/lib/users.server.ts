/**
 * Users and their API tokens, in a small JSON file next to the warehouse (KABA_USERS, default
 * data/users.json): the DuckDB warehouse is read-only for the server, and users change by the CLI
 * (`npm run user`), which the server picks up on the next request. Passwords and tokens are stored
 * hashed only (crypto.server.ts).
 *
 * {
 *   "version": 1,
 *   "users": [{ "name": "sari", "role": "supervisor", "teams": ["T01"], "password": "scrypt$…",
 *               "session_version": 1, "tokens": [{ "id": "3f9a1c2b", "sha256": "…", "created_at": "…" }],
 *               "created_at": "…", "updated_at": "…", "demo": false }]
 * }
 */
import { env } from './env.server';
import { dummyPasswordHash, hashApiToken, hashPassword, newApiToken, safeEqual, verifyPassword } from './crypto.server';
import { JsonFile } from './json-file.server';
import { isRole, type Role, type User } from './roles';

export interface StoredToken {
  /** the first 8 hex digits of the hash: names the token in `list` without revealing it */
  id: string;
  sha256: string;
  created_at: string;
}

export interface StoredUser extends User {
  password: string;
  /** raised by a password change: sessions signed in before it end */
  session_version: number;
  tokens: StoredToken[];
  created_at: string;
  updated_at: string;
  /** a demo account with a published password (npm run user -- demo) */
  demo?: boolean;
}

export interface UsersFile {
  version: 1;
  users: StoredUser[];
}

const NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const TEAM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const MIN_PASSWORD_LENGTH = 8;

export class UserError extends Error {}

/** User names are case-insensitive: stored and compared in lower case. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase();
}

export function validateName(name: string): string {
  const n = normaliseName(name);
  if (!NAME.test(n)) throw new UserError(`user name must be 2–32 letters, digits, '.', '_' or '-' (got "${name}")`);
  return n;
}

export function validatePassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 256) throw new UserError('the password is longer than 256 characters');
}

function validateTeams(role: Role, teams: readonly string[]): string[] {
  const unique = [...new Set(teams.map((t) => t.trim()))];
  for (const t of unique) if (!TEAM.test(t)) throw new UserError(`team id "${t}" is not valid`);
  if (role === 'supervisor' && unique.length === 0) throw new UserError('a supervisor needs at least one --team');
  if (role !== 'supervisor' && unique.length > 0) throw new UserError('only supervisors are tied to teams');
  return unique;
}

function parseUsersFile(raw: unknown, path: string): UsersFile {
  const bad = (why: string): never => {
    throw new Error(`${path}: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as UsersFile).users)) bad('expected { "version": 1, "users": [...] }');
  const users = (raw as UsersFile).users.map((u, i) => {
    if (typeof u?.name !== 'string' || !isRole(u.role) || typeof u.password !== 'string') bad(`user ${i + 1} lacks a name, a known role or a password hash`);
    return {
      ...u,
      teams: Array.isArray(u.teams) ? u.teams.map(String) : [],
      tokens: Array.isArray(u.tokens) ? u.tokens : [],
      session_version: Number.isInteger(u.session_version) ? u.session_version : 1,
    };
  });
  return { version: 1, users };
}

const nowIso = () => new Date().toISOString().slice(0, 19) + 'Z';

export function publicUser(u: StoredUser): User {
  return { name: u.name, role: u.role, teams: [...u.teams] };
}

export class UserStore {
  private readonly file: JsonFile<UsersFile>;

  constructor(readonly path: string) {
    this.file = new JsonFile(path, { empty: () => ({ version: 1, users: [] }), parse: parseUsersFile });
  }

  async list(): Promise<StoredUser[]> {
    return (await this.file.read()).users;
  }

  async count(): Promise<number> {
    return (await this.list()).length;
  }

  async get(name: string): Promise<StoredUser | null> {
    const n = normaliseName(name);
    return (await this.list()).find((u) => u.name === n) ?? null;
  }

  async add(input: { name: string; role: Role; teams?: string[]; password: string; demo?: boolean }): Promise<StoredUser> {
    const name = validateName(input.name);
    if (!isRole(input.role)) throw new UserError(`role must be director, manager, supervisor or admin`);
    const teams = validateTeams(input.role, input.teams ?? []);
    if (!input.demo) validatePassword(input.password);
    const password = await hashPassword(input.password);
    let added: StoredUser | undefined;
    await this.file.update((f) => {
      if (f.users.some((u) => u.name === name)) throw new UserError(`user ${name} already exists (use passwd to change the password)`);
      const at = nowIso();
      added = { name, role: input.role, teams, password, session_version: 1, tokens: [], created_at: at, updated_at: at, ...(input.demo ? { demo: true } : {}) };
      f.users.push(added);
      return f;
    });
    return added!;
  }

  /** Creates or resets a demo account (fixed role, teams and published password). */
  async upsertDemo(input: { name: string; role: Role; teams?: string[]; password: string }): Promise<void> {
    const name = validateName(input.name);
    const teams = validateTeams(input.role, input.teams ?? []);
    const password = await hashPassword(input.password);
    await this.file.update((f) => {
      const at = nowIso();
      const existing = f.users.find((u) => u.name === name);
      if (existing && !existing.demo) throw new UserError(`user ${name} exists and is not a demo account: left unchanged`);
      if (existing) {
        Object.assign(existing, { role: input.role, teams, password, session_version: existing.session_version + 1, updated_at: at });
      } else {
        f.users.push({ name, role: input.role, teams, password, session_version: 1, tokens: [], created_at: at, updated_at: at, demo: true });
      }
      return f;
    });
  }

  async setPassword(name: string, password: string): Promise<void> {
    validatePassword(password);
    const hash = await hashPassword(password);
    await this.change(name, (u) => {
      u.password = hash;
      u.session_version += 1;
      delete u.demo;
    });
  }

  async remove(name: string): Promise<void> {
    const n = normaliseName(name);
    await this.file.update((f) => {
      const before = f.users.length;
      f.users = f.users.filter((u) => u.name !== n);
      if (f.users.length === before) throw new UserError(`no user ${n}`);
      return f;
    });
  }

  /** A new API token for the user: returned once, stored as its SHA-256 only. */
  async createToken(name: string): Promise<{ token: string; id: string }> {
    const token = newApiToken();
    const sha256 = hashApiToken(token);
    const id = sha256.slice(0, 8);
    await this.change(name, (u) => u.tokens.push({ id, sha256, created_at: nowIso() }));
    return { token, id };
  }

  async revokeTokens(name: string): Promise<number> {
    let n = 0;
    await this.change(name, (u) => {
      n = u.tokens.length;
      u.tokens = [];
    });
    return n;
  }

  /** The user of an API token, or null. Every stored hash is compared, in constant time. */
  async findByToken(token: string): Promise<StoredUser | null> {
    const sha256 = hashApiToken(token);
    let found: StoredUser | null = null;
    for (const u of await this.list()) for (const t of u.tokens) if (safeEqual(t.sha256, sha256)) found = u;
    return found;
  }

  /** The user when name and password match; null otherwise, in about the same time either way. */
  async verify(name: string, password: string): Promise<StoredUser | null> {
    const user = await this.get(name);
    const ok = await verifyPassword(password, user?.password ?? (await dummyPasswordHash()));
    return user && ok ? user : null;
  }

  private async change(name: string, edit: (u: StoredUser) => void): Promise<void> {
    const n = normaliseName(name);
    await this.file.update((f) => {
      const u = f.users.find((x) => x.name === n);
      if (!u) throw new UserError(`no user ${n}`);
      edit(u);
      u.updated_at = nowIso();
      return f;
    });
  }
}

let store: UserStore | null = null;
/** The server's user store (KABA_USERS). */
export function userStore(): UserStore {
  return (store ??= new UserStore(env.usersFile));
}
