/**
 * Letter numbers in the Indonesian official style, `690/123/TBK/XII/2026`: a classification prefix,
 * the sequence number, the utility's code, the month in Roman numerals and the year. The layout is a
 * setting (a template with {prefix} {seq} {code} {roman} {month} {year}); the sequence number comes
 * from the state store, one sequence per year.
 */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`not a month: ${month}`);
  return r;
}

export const DEFAULT_NUMBER_TEMPLATE = '{prefix}/{seq}/{code}/{roman}/{year}';
export const TEMPLATE_FIELDS = ['prefix', 'seq', 'code', 'roman', 'month', 'year'] as const;

/** A template is usable when it holds {seq} (else two letters share a number) and only known fields. */
export function isNumberTemplate(template: string): boolean {
  if (!template.includes('{seq}') || template.length > 80) return false;
  const fields = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return fields.every((f) => (TEMPLATE_FIELDS as readonly string[]).includes(f)) && !/[{}]/.test(template.replace(/\{\w+\}/g, ''));
}

/** The number of a letter issued on `date` (YYYY-MM-DD) with sequence number `seq`. */
export function formatLetterNumber(template: string, fields: { prefix: string; code: string; seq: number; date: string }): string {
  const month = Number(fields.date.slice(5, 7));
  const values: Record<string, string> = {
    prefix: fields.prefix,
    seq: String(fields.seq),
    code: fields.code,
    roman: romanMonth(month),
    month: String(month).padStart(2, '0'),
    year: fields.date.slice(0, 4),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The state store's sequence of a year's letters: numbering starts again each January. */
export function letterSequenceName(date: string): string {
  return `letters-${date.slice(0, 4)}`;
}
