/** The printed pages' footer is CSS generated from messages: every text in it stays a CSS string. */
import { expect, it } from 'vitest';
import { cssString } from '../../../app/ui/monthly/page-footer';

it('quotes a text as a CSS string, escaping quotes, backslashes, line breaks and < (no text closes the style element)', () => {
  expect(cssString('Laporan · Juni 2025 · Halaman ')).toBe('"Laporan · Juni 2025 · Halaman "');
  expect(cssString('a"b\\c</style>\n')).toBe('"a\\22 b\\5c c\\3c /style>\\a "');
});
