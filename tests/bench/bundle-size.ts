/**
 * npm run bench:bundle -- [public/build]
 * The JavaScript each page costs the browser, from a built app (run `npx remix build` first):
 *   initial = the entry, then every route module from the root down to the page, with everything they
 *             import statically: what the browser fetches before the page is interactive;
 *   all     = initial plus everything reachable through dynamic import() (ECharts behind the charts).
 * Sizes are gzip (level 6, as remix-serve's compression sends them). Targets: initial < 150 KB,
 * all < 350 KB. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_INITIAL_KB = 150;
const TARGET_ALL_KB = 350;

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}

interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

const buildDir = resolve(process.argv[2] ?? 'public/build');
const publicDir = resolve(buildDir, '..');

function readManifest(): Manifest {
  const manifests = readdirSync(buildDir)
    .filter((f) => /^manifest-.*\.js$/.test(f))
    .map((f) => join(buildDir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (manifests.length === 0) throw new Error(`no manifest in ${buildDir}: run npx remix build first`);
  const text = readFileSync(manifests[0], 'utf8');
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as Manifest;
}

const files = new Map<string, { text: string; raw: number; gzip: number }>();
function file(url: string) {
  let f = files.get(url);
  if (!f) {
    const buffer = readFileSync(join(publicDir, url));
    f = { text: buffer.toString('utf8'), raw: buffer.length, gzip: gzipSync(buffer, { level: 6 }).length };
    files.set(url, f);
  }
  return f;
}

const STATIC_IMPORT = /(?:from|import)\s*"(\/build\/[^"]+\.js)"/g;
const DYNAMIC_IMPORT = /import\(\s*"(\/build\/[^"]+\.js)"\s*\)/g;

/** The files reachable from `roots` by static imports (and dynamic ones when `dynamic`). */
function closure(roots: readonly string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const { text } = file(url);
    for (const m of text.matchAll(STATIC_IMPORT)) queue.push(m[1]);
    if (dynamic) for (const m of text.matchAll(DYNAMIC_IMPORT)) queue.push(m[1]);
  }
  return seen;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (urls: Set<string>, key: 'raw' | 'gzip') => [...urls].reduce((s, u) => s + file(u)[key], 0);

const manifest = readManifest();
const chain = (route: ManifestRoute): ManifestRoute[] => (route.parentId ? [...chain(manifest.routes[route.parentId]), route] : [route]);
const isPage = (route: ManifestRoute) => /\bas default\b/.test(file(route.module).text);

const rows = Object.values(manifest.routes)
  // pages: route modules with a component, leaving out the root and pathless layouts (they never render alone)
  .filter((r) => r.id !== 'root' && isPage(r) && (r.path !== undefined || r.index === true))
  .map((route) => {
    const roots = [manifest.entry.module, ...manifest.entry.imports, ...chain(route).flatMap((r) => [r.module, ...(r.imports ?? [])])];
    const initial = closure(roots, false);
    const all = closure(roots, true);
    return {
      route: route.id,
      initialGzip: sum(initial, 'gzip'),
      initialRaw: sum(initial, 'raw'),
      allGzip: sum(all, 'gzip'),
      allRaw: sum(all, 'raw'),
      lazy: [...all].filter((u) => !initial.has(u)).map((u) => `${u.replace(/^.*\//, '').replace(/-[A-Z0-9]{8}\.js$/, '')} ${kb(file(u).gzip)}`),
    };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

console.log(`JavaScript per page (${buildDir}), gzip level 6; targets: initial < ${TARGET_INITIAL_KB} KB, all < ${TARGET_ALL_KB} KB\n`);
const header = ['route', 'initial gzip', 'all gzip', 'initial raw', 'all raw', 'lazy chunks (KB gzip)'];
const table = rows.map((r) => [
  r.route,
  `${kb(r.initialGzip)} KB ${r.initialGzip / 1024 < TARGET_INITIAL_KB ? 'ok' : 'OVER'}`,
  `${kb(r.allGzip)} KB ${r.allGzip / 1024 < TARGET_ALL_KB ? 'ok' : 'OVER'}`,
  `${kb(r.initialRaw)} KB`,
  `${kb(r.allRaw)} KB`,
  r.lazy.join(', ') || '-',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
for (const row of [header, widths.map((w) => '-'.repeat(w)), ...table])
  console.log(
    row
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  );
