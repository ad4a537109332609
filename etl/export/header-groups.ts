/**
 * Group headers over a table's columns, as every writer lays them out (the XLSX's merged cells, the
 * page's and the print view's two header rows): neighbouring columns with the same group text share
 * one cell; a column without a group has its own header spanning both rows.
 */

export interface HeaderRun {
  /** the group's text, or null: a column of its own */
  text: string | null;
  /** first and last column index, inclusive */
  from: number;
  to: number;
}

export function headerRuns(groups: readonly (string | null)[], columns: number): HeaderRun[] {
  const runs: HeaderRun[] = [];
  let i = 0;
  while (i < columns) {
    const text = groups[i] ?? null;
    let to = i;
    while (text !== null && to + 1 < columns && groups[to + 1] === text) to++;
    runs.push({ text, from: i, to });
    i = to + 1;
  }
  return runs;
}
