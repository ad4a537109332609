/**
 * Loads a set of files and folders: each file detected, loaded in dependency order (areas before
 * customers before bills …), each in its own transaction, then the derived tables rebuilt once.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FileRefusedError } from '../adapters/types';
import { rebuildDerived, type RebuildReport } from '../derive/rebuild';
import type { Warehouse } from '../warehouse/duckdb';
import { LOAD_ORDER } from './canonical';
import { detectFormat } from './detect';
import { loadFile, type LoadOptions, type LoadReport } from './load-file';

/** Files that are never data: the generator's truth file, notes. */
const NOT_DATA = /\.(json|md|txt\.gz|zip)$|^\./i;

export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (s === null) throw new Error(`${p}: no such file or folder`);
    if (s.isDirectory()) {
      const entries = (await readdir(p)).sort();
      files.push(...(await expandPaths(entries.filter((e) => !NOT_DATA.test(e)).map((e) => join(p, e)))));
    } else files.push(p);
  }
  return files;
}

/** Canonical kinds in dependency order; settlement files load with the payments. */
async function loadRank(path: string): Promise<number> {
  try {
    const d = await detectFormat(path);
    return LOAD_ORDER.indexOf(d.type === 'canonical' ? d.spec.kind : 'payments');
  } catch (error) {
    if (error instanceof FileRefusedError) return -1; // refused files are reported first
    throw error;
  }
}

export interface LoadRun {
  files: LoadReport[];
  derived: RebuildReport | null;
}

export async function loadPaths(
  wh: Warehouse,
  paths: readonly string[],
  hooks: { onFileStart?: (path: string) => void; onFile?: (r: LoadReport) => void; rebuild?: boolean } & LoadOptions = {},
): Promise<LoadRun> {
  const files = await expandPaths(paths);
  const ranked = await Promise.all(files.map(async (f) => ({ f, rank: await loadRank(f) })));
  ranked.sort((a, b) => a.rank - b.rank || a.f.localeCompare(b.f));
  const reports: LoadReport[] = [];
  for (const { f } of ranked) {
    hooks.onFileStart?.(f);
    const report = await loadFile(wh, f, hooks);
    reports.push(report);
    hooks.onFile?.(report);
  }
  const changed = hooks.rebuild === true || reports.some((r) => r.status === 'loaded');
  const derived = changed ? await rebuildDerived(wh) : null;
  return { files: reports, derived };
}
