/**
 * Every route file in app/routes with a URL that reaches it, so the "unauthenticated" tests cover
 * routes added later automatically (a route without a sample URL fails the test that lists them).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** Values for dynamic segments ($code …). */
const PARAM_SAMPLES: Record<string, string> = {
  code: '17.02.09',
  table: 'kecamatan-desa',
  kecamatan: '17.02.09',
  desa: '17.02.09.1027',
  id: '0100000001',
  plan: '1',
  batch: '1',
  report: 'dsr',
};

export interface RouteSample {
  file: string;
  url: string;
  kind: 'page' | 'api' | 'public';
}

/** Routes anyone may reach: the sign-in page and the two POST-only helpers (sign-out, language). */
const PUBLIC = new Set(['login', 'logout', 'language', 'root']);

export function routeSamples(): RouteSample[] {
  const dir = join(ROOT, 'app', 'routes');
  return readdirSync(dir)
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .map((file) => {
      const id = file.replace(/\.(tsx?|jsx?)$/, '');
      const segments = id
        .split('.')
        .filter((s) => !(s.startsWith('_') && s !== '_index') || s === '$')
        .filter((s) => s !== '_index')
        .map((s) => {
          if (s === '$') return 'tidak-ada';
          if (s.startsWith('$')) {
            const value = PARAM_SAMPLES[s.slice(1)];
            if (!value) throw new Error(`${file}: add a sample value for ${s} to PARAM_SAMPLES`);
            return value;
          }
          return s;
        });
      const url = '/' + segments.join('/');
      const kind: RouteSample['kind'] = PUBLIC.has(id) ? 'public' : segments[0] === 'api' ? 'api' : 'page';
      return { file, url, kind };
    });
}
