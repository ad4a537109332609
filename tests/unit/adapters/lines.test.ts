import { describe, it, expect } from 'vitest';
import { csvField, headLines, nonBlankLines, splitCsvLine } from '../../../etl/adapters/lines';

describe('adapter line helpers', () => {
  it('numbers lines physically, dropping blank ones, BOM and CR', () => {
    expect(nonBlankLines('\uFEFFa;b\r\n\r\n  \t\r\nc\n')).toEqual([
      { line: 1, raw: 'a;b' },
      { line: 4, raw: 'c' },
    ]);
    expect(headLines('\uFEFF\r\nfirst\r\n\r\nsecond\r\nthird', 2)).toEqual(['first', 'second']);
  });

  it('splits CSV with quoted commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b, c","say ""halo""",')).toEqual({ ok: true, value: ['a', 'b, c', 'say "halo"', ''] });
    expect(splitCsvLine('a,"b')).toEqual({ ok: false, reason: 'a quoted field is not closed' });
  });

  it('quotes only the CSV fields that need it, and reads them back', () => {
    const fields = ['plain', '1,5', 'say "halo"'];
    expect(fields.map(csvField).join(',')).toBe('plain,"1,5","say ""halo"""');
    expect(splitCsvLine(fields.map(csvField).join(','))).toEqual({ ok: true, value: fields });
  });
});
