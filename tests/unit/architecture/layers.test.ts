/**
 * The layers import one way (README, Architecture): `etl/` is the data layer (contract, loading,
 * derived tables, domain rules, named queries, report CLI) and never imports `app/`, the web layer.
 * The web layer reaches DuckDB only through the data layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importedSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

/** The repository folder a specifier points into (`app`, `etl`, …), or null for a package. */
function targetLayer(file: string, specifier: string): string | null {
  if (specifier.startsWith('~/')) return 'app';
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(/[\\/]/)[0];
}

function violations(layer: string, forbidden: (target: string | null, specifier: string) => boolean): string[] {
  return sourceFiles(layer).flatMap((file) =>
    importedSpecifiers(readFileSync(join(ROOT, file), 'utf8'))
      .filter((s) => forbidden(targetLayer(file, s), s))
      .map((s) => `${file} imports ${s}`),
  );
}

describe('layers', () => {
  it('finds imports of every form (the check itself can fail)', () => {
    expect(importedSpecifiers(`import a from '../app/x';\nexport { b } from "./y";\nimport './z';\nawait import('../w');`)).toEqual([
      '../app/x',
      './y',
      './z',
      '../w',
    ]);
  });

  it('etl/ (the data layer) imports nothing from app/ (the web layer)', () => {
    expect(violations('etl', (target) => target === 'app')).toEqual([]);
  });

  it('app/ never imports the DuckDB client: the web layer reads the warehouse through the data layer', () => {
    expect(violations('app', (_, s) => s.startsWith('@duckdb/'))).toEqual([]);
  });
});
