import { describe, expect, it } from 'vitest';
import { neutralise, type ExportColumn } from '../../../etl/export/cells';
import { recordsCsv, tableCsv, UTF8_BOM } from '../../../etl/export/csv';
import { csv } from '../../../etl/report/output';

const COLUMNS: ExportColumn[] = [
  { key: 'name', header: 'Nama', format: 'text' },
  { key: 'amount', header: 'Tunggakan', format: 'money' },
  { key: 'share', header: 'Porsi', format: 'percent' },
  { key: 'due_on', header: 'Jatuh tempo', format: 'date' },
];

/** The injection strings of OWASP's CSV injection page and our own, one per dangerous first character. */
const INJECTIONS = ['=HYPERLINK("http://evil.example","klik")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

describe('formula injection', () => {
  it('puts a quote before every text that starts like a formula', () => {
    for (const text of INJECTIONS) expect(neutralise(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  it('leaves other text alone, a sign inside the text included', () => {
    for (const text of ['Budi Santoso', 'Jl. Merdeka No. 5 - RT 02', "'sudah dikutip", '', '5+5']) expect(neutralise(text)).toBe(text);
  });

  it('neutralises text cells in the CSV, and a negative rupiah amount stays the number -2500', () => {
    const rows = INJECTIONS.map((name) => ({ name, amount: -2500, share: null, due_on: '2025-06-30' }));
    const lines = tableCsv(COLUMNS, rows, { bom: false }).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""klik"")",-2500,,2025-06-30`);
    expect(lines[2]).toBe(`'+1+cmd|' /C calc'!A0,-2500,,2025-06-30`);
    expect(lines[3]).toBe(`'-2+3,-2500,,2025-06-30`);
    expect(lines[4]).toBe(`'@SUM(1+1),-2500,,2025-06-30`);
    // tab and carriage return: neutralised, and the CR makes the field quoted
    expect(lines[5]).toBe(`'\t=1+1,-2500,,2025-06-30`);
    expect(tableCsv(COLUMNS, rows.slice(5), { bom: false })).toContain(`"'\r=1+1",-2500`);
  });

  it('writes text that looks like a negative number as text, neutralised: only real numbers are numbers', () => {
    const out = tableCsv([{ key: 'note', header: 'Catatan', format: 'text' }], [{ note: '-2500' }], { bom: false });
    expect(out).toBe("Catatan\r\n'-2500\r\n");
  });

  it('neutralises the report CLI and the overview API too (etl/report/output csv)', () => {
    expect(csv([{ group: '=cmd', code: null, arrears: -5 }])).toBe("group,code,arrears\n'=cmd,,-5\n");
  });
});

describe('the CSV text', () => {
  it('starts with the UTF-8 byte order mark so that Excel reads the names right', () => {
    const out = tableCsv(COLUMNS, [{ name: 'Sukamaju', amount: 1, share: 0.5, due_on: '2025-06-30' }]);
    expect(out.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(out, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out.slice(1)).toBe('Nama,Tunggakan,Porsi,Jatuh tempo\r\nSukamaju,1,0.5,2025-06-30\r\n');
  });

  it('quotes fields with the delimiter, quotes and line breaks (RFC 4180)', () => {
    const rows = [{ name: 'Curup, Kota', amount: 8023456789, share: 0.8734, due_on: null }, { name: 'kata "halo"\nbaris dua', amount: 0, share: 0, due_on: null }];
    expect(tableCsv(COLUMNS, rows, { bom: false })).toBe(
      'Nama,Tunggakan,Porsi,Jatuh tempo\r\n"Curup, Kota",8023456789,0.8734,\r\n"kata ""halo""\nbaris dua",0,0,\r\n',
    );
  });

  it('has a ; variant for Excel in an Indonesian locale: ; between fields and , before decimals', () => {
    const rows = [{ name: 'Talang Rimbo Baru; Curup', amount: 1500000, share: 0.125, due_on: '2025-06-30' }];
    expect(tableCsv(COLUMNS, rows, { delimiter: ';', bom: false })).toBe(
      'Nama;Tunggakan;Porsi;Jatuh tempo\r\n"Talang Rimbo Baru; Curup";1500000;0,125;2025-06-30\r\n',
    );
    // a comma is no delimiter there: no quotes needed
    expect(tableCsv(COLUMNS.slice(0, 1), [{ name: 'a,b' }], { delimiter: ';', bom: false })).toBe('Nama\r\na,b\r\n');
  });

  it('leaves a numeric column empty rather than writing text into it', () => {
    expect(tableCsv(COLUMNS.slice(1, 2), [{ amount: '=1+1' }, { amount: null }], { bom: false })).toBe('Tunggakan\r\n\r\n\r\n');
  });

  it('writes plain records by their keys, nothing at all without rows', () => {
    expect(recordsCsv([], { bom: false })).toBe('');
    expect(recordsCsv([{ a: 1, b: true }], { bom: false, newline: '\n' })).toBe('a,b\n1,true\n');
  });
});
