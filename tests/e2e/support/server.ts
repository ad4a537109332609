/**
 * Runs the repository's scripts and the built server for the browser tests: the fixture's server
 * (serve-fixture.ts) and the servers a spec starts for itself (live loading).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

export type Env = Record<string, string | undefined>;

/** Runs a TypeScript script of the repository with tsx; throws unless it exits with one of okCodes. */
export function runScript(script: string, args: readonly string[], env: Env = {}, okCodes: readonly number[] = [0]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (!okCodes.includes(result.status ?? -1)) {
    throw new Error(`${script} ${args.join(' ')} exited with ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Prepares a warehouse: the demo utility generated into demoDir, changed by edit if given, and loaded
 * (etl exit 2 = a file refused whole, expected).
 */
export function loadDemo(demoDir: string, warehouse: string, demoArgs: readonly string[], edit?: (demoDir: string) => void): void {
  runScript('etl/generate/cli.ts', [...demoArgs, '--out', demoDir]);
  edit?.(demoDir);
  runScript('etl/cli.ts', [demoDir], { KABA_WAREHOUSE: warehouse }, [0, 2]);
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'build', 'index.js'))) {
    throw new Error('build/index.js is missing: run `npx remix build` before the browser tests (npm test does)');
  }
}

/** Starts the built app with its server (server.ts, as npm start does). */
export function startServer(port: number, env: Env, stdio: 'inherit' | 'ignore' = 'inherit'): ChildProcess {
  assertBuilt();
  return spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio,
  });
}

/** Waits until the server answers a static file. */
export async function waitForServer(port: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://localhost:${port}/robots.txt`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server on port ${port} did not start within ${timeoutMs} ms`);
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** runScript without blocking the test's event loop (requests keep flowing meanwhile). */
export function runScriptAsync(script: string, args: readonly string[], env: Env = {}, okCodes: readonly number[] = [0]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (okCodes.includes(code ?? -1)) resolve(out);
      else reject(new Error(`${script} ${args.join(' ')} exited with ${code}\n${out}\n${err}`));
    });
  });
}
