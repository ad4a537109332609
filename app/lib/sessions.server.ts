/**
 * The signed-in sessions, on the server, so that one can end before its cookie does: the cookie
 * carries a random session id, and a session counts only while its id is listed in sessions.json
 * (beside KABA_USERS; ids stored as SHA-256, so the file holds no usable credential). Sign-out
 * deletes the session; `npm run user -- passwd|remove` delete all of the user's (the user's
 * session_version ends them too, should a write of the running server race the CLI's); sessions
 * past their expiry are dropped on every write.
 */
import { env } from './env.server';
import { randomToken, sha256Hex } from './crypto.server';
import { JsonFile } from './json-file.server';

interface StoredSession {
  /** SHA-256 of the session id */
  id: string;
  user: string;
  created_at: number;
  expires_at: number;
}

interface SessionsFile {
  version: 1;
  sessions: StoredSession[];
}

function parseSessionsFile(raw: unknown, path: string): SessionsFile {
  const sessions = (raw as SessionsFile | null)?.sessions;
  if (!Array.isArray(sessions)) throw new Error(`${path}: expected { "version": 1, "sessions": [...] }`);
  return { version: 1, sessions: sessions.filter((s) => typeof s?.id === 'string' && typeof s.user === 'string' && Number.isFinite(s.expires_at)) };
}

export class SessionStore {
  private readonly file: JsonFile<SessionsFile>;

  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {
    this.file = new JsonFile(path, { empty: () => ({ version: 1, sessions: [] }), parse: parseSessionsFile });
  }

  /** A new session for the user; returns its id (for the cookie, never stored as such). */
  async create(user: string, ttlMs: number): Promise<string> {
    const id = randomToken();
    const at = this.now();
    await this.edit((list) => [...list, { id: sha256Hex(id), user, created_at: at, expires_at: at + ttlMs }]);
    return id;
  }

  /** Whether the session id is one of the user's, and not expired. */
  async isActive(id: string, user: string): Promise<boolean> {
    const hash = sha256Hex(id);
    const now = this.now();
    return (await this.file.read()).sessions.some((s) => s.id === hash && s.user === user && s.expires_at > now);
  }

  async end(id: string): Promise<void> {
    const hash = sha256Hex(id);
    await this.edit((list) => list.filter((s) => s.id !== hash));
  }

  /** Ends every session of the user; returns how many there were. */
  async endAllOf(user: string): Promise<number> {
    let ended = 0;
    await this.edit((list) => {
      const kept = list.filter((s) => s.user !== user);
      ended = list.length - kept.length;
      return kept;
    });
    return ended;
  }

  private async edit(change: (live: StoredSession[]) => StoredSession[]): Promise<void> {
    const now = this.now();
    await this.file.update((f) => ({ version: 1, sessions: change(f.sessions.filter((s) => s.expires_at > now)) }));
  }
}

let store: SessionStore | null = null;
/** The server's session list (beside KABA_USERS). */
export function sessionStore(): SessionStore {
  return (store ??= new SessionStore(env.sessionsFile));
}
