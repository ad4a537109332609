/**
 * npm run user -- <command>
 *   add NAME --role director|manager|supervisor|admin [--team T]...   create a user
 *   passwd NAME                                                      change a password (ends their sessions)
 *   remove NAME                                                      delete a user, their tokens and sessions
 *   token NAME                                                       print a new API token (shown once)
 *   revoke-tokens NAME                                               delete all of a user's API tokens
 *   list                                                             users, roles, teams, tokens
 *   demo                                                             one demo user per role, printed
 * The password is read from KABA_PASSWORD or standard input (asked twice, hidden, on a terminal), never
 * from an argument. Users live in KABA_USERS (default data/users.json); a running server sees changes
 * on its next request.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { config } from '../../etl/config';
import { Warehouse } from '../../etl/warehouse/duckdb';
import { env } from '../lib/env.server';
import { isRole, ROLES } from '../lib/roles';
import { SessionStore } from '../lib/sessions.server';
import { normaliseName, UserError, UserStore, validatePassword } from '../lib/users.server';
import { DEMO_FALLBACK_TEAM, DEMO_USERS } from './demo-users';

const USAGE = `usage: npm run user -- <command>
  add NAME --role ${ROLES.join('|')} [--team T]...
  passwd NAME
  remove NAME
  token NAME
  revoke-tokens NAME
  list
  demo
The password comes from KABA_PASSWORD or standard input, never from an argument.
Users are stored in ${env.usersFile} (KABA_USERS).`;

class UsageError extends Error {}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let prompted = false;
    output._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question(prompt, (answer) => {
      process.stdout.write('\n');
      rl.close();
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new UsageError('cancelled'));
    });
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.KABA_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) {
    const first = await askHidden('Password: ');
    validatePassword(first);
    const second = await askHidden('Password again: ');
    if (first !== second) throw new UserError('the passwords differ');
    return first;
  }
  // piped: the first line, without its line end
  const text = await readStdin();
  const line = text.split(/\r?\n/)[0];
  if (!line) throw new UserError('no password on standard input (or set KABA_PASSWORD)');
  return line;
}

/** A team for the demo supervisor: the warehouse's first team when there is one. */
async function demoTeam(): Promise<string> {
  if (!existsSync(config.warehouse)) return DEMO_FALLBACK_TEAM;
  let wh: Warehouse | null = null;
  try {
    wh = await Warehouse.open(config.warehouse, { readOnly: true });
    const rows = await wh.query<{ team_id: string }>(`SELECT team_id FROM teams ORDER BY team_id LIMIT 1`);
    return rows[0]?.team_id ?? DEMO_FALLBACK_TEAM;
  } catch {
    return DEMO_FALLBACK_TEAM;
  } finally {
    wh?.close();
  }
}

function oneName(positionals: string[]): string {
  const [name, ...rest] = positionals;
  if (!name) throw new UsageError('a user NAME is required');
  if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')} (the password is never an argument: use standard input or KABA_PASSWORD)`);
  return name;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      team: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    if (!command && !values.help) process.exitCode = 1;
    return;
  }
  const store = new UserStore(env.usersFile);
  const sessions = new SessionStore(env.sessionsFile);
  switch (command) {
    case 'add': {
      const name = oneName(args);
      if (!isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const password = await readPassword();
      const user = await store.add({ name, role: values.role, teams: values.team ?? [], password });
      console.log(`added ${user.name} (${user.role}${user.teams.length ? `, teams ${user.teams.join(', ')}` : ''}) to ${store.path}`);
      return;
    }
    case 'passwd': {
      const name = oneName(args);
      if (!(await store.get(name))) throw new UserError(`no user ${name}`);
      await store.setPassword(name, await readPassword());
      await sessions.endAllOf(normaliseName(name));
      console.log(`password of ${name.toLowerCase()} changed; their open sessions have ended`);
      return;
    }
    case 'remove': {
      const name = oneName(args);
      await store.remove(name);
      await sessions.endAllOf(normaliseName(name));
      console.log(`removed ${name.toLowerCase()}; their open sessions have ended`);
      return;
    }
    case 'token': {
      const name = oneName(args);
      const { token, id } = await store.createToken(name);
      console.error(`new API token ${id} for ${name.toLowerCase()} (shown once; stored only as its SHA-256):`);
      console.log(token);
      console.error(`use it as: curl -H "Authorization: Bearer <token>" http://localhost:3000/api/v1/me`);
      return;
    }
    case 'revoke-tokens': {
      const name = oneName(args);
      console.log(`revoked ${await store.revokeTokens(name)} token(s) of ${name.toLowerCase()}`);
      return;
    }
    case 'list': {
      if (args.length > 0) throw new UsageError('list takes no arguments');
      const users = await store.list();
      if (users.length === 0) {
        console.log(`no users in ${store.path}: npm run user -- add admin --role admin`);
        return;
      }
      const rows = users.map((u) => [u.name, u.role, u.teams.join(',') || '-', String(u.tokens.length), u.demo ? 'demo' : '', u.updated_at]);
      const head = ['name', 'role', 'teams', 'tokens', '', 'updated'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
      return;
    }
    case 'demo': {
      if (args.length > 0) throw new UsageError('demo takes no arguments');
      const team = await demoTeam();
      for (const u of DEMO_USERS) await store.upsertDemo({ ...u, teams: u.role === 'supervisor' ? [team] : [] });
      console.log(`demo users in ${store.path} (published passwords: for demos only):`);
      for (const u of DEMO_USERS) {
        console.log(`  ${u.name.padEnd(11)} ${u.password.padEnd(16)} ${u.role}${u.role === 'supervisor' ? ` (team ${team})` : ''}`);
      }
      return;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 1;
  } else if (error instanceof UserError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
