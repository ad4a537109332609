import { describe, expect, it } from 'vitest';
import { parseLetterSettings, checkLetterSettings, DEFAULT_LETTER_SETTINGS } from '../../../app/lib/settings/letters.server';
import { formatLetterNumber, isNumberTemplate, letterSequenceName, romanMonth } from '../../../etl/domain/letter-number';
import { monthsText } from '../../../app/lib/letters/wording';

describe('letter numbers', () => {
  it('690/123/TBK/XII/2026: prefix, sequence, code, Roman month, year', () => {
    expect(formatLetterNumber('{prefix}/{seq}/{code}/{roman}/{year}', { prefix: '690', code: 'TBK', seq: 123, date: '2026-12-01' })).toBe('690/123/TBK/XII/2026');
    expect(formatLetterNumber('{code}-{year}{month}-{seq}', { prefix: '', code: 'TBK', seq: 7, date: '2026-04-30' })).toBe('TBK-202604-7');
  });

  it('Roman months', () => expect([1, 4, 9, 12].map(romanMonth)).toEqual(['I', 'IV', 'IX', 'XII']));

  it('a template needs {seq} and only known fields', () => {
    expect(isNumberTemplate('{prefix}/{seq}/{code}/{roman}/{year}')).toBe(true);
    expect(isNumberTemplate('{prefix}/{code}/{year}')).toBe(false);
    expect(isNumberTemplate('{seq}/{secret}')).toBe(false);
    expect(isNumberTemplate('{seq}/{year')).toBe(false);
  });

  it('one sequence per year', () => expect(letterSequenceName('2026-12-01')).toBe('letters-2026'));
});

describe('the letters’ settings', () => {
  it('take the defaults for what is missing or wrong in the file', () => {
    expect(parseLetterSettings(null)).toEqual(DEFAULT_LETTER_SETTINGS);
    const read = parseLetterSettings({ utility_code: 'PDAM', logo: '../../etc/passwd', number_template: '{year}', sealing: { min_bills: 2 } });
    expect([read.utility_code, read.logo, read.number_template, read.sealing.min_bills]).toEqual(['PDAM', DEFAULT_LETTER_SETTINGS.logo, DEFAULT_LETTER_SETTINGS.number_template, 2]);
  });

  it('name the first wrong field of the form', () => {
    const form = {
      utility_name: 'Perumdam X', utility_address: 'Jl. A', city: 'Curup', utility_code: 'TBK', logo: 'kaba.svg', on_behalf: 'a.n. Direksi',
      signer_name: 'Andi', signer_title: 'Kabag', signer_id: '', number_prefix: '690', number_template: '{prefix}/{seq}/{code}/{roman}/{year}',
      sequence_start: '1', deadline_days: '7', min_bills: '3', min_oldest_months: '0', min_amount: '0',
    };
    expect(checkLetterSettings(form).ok).toBe(true);
    expect(checkLetterSettings({ ...form, logo: 'http://evil/x.png' })).toEqual({ ok: false, field: 'logo' });
    expect(checkLetterSettings({ ...form, deadline_days: '0' })).toEqual({ ok: false, field: 'deadline_days' });
    expect(checkLetterSettings({ ...form, utility_name: ' ' })).toEqual({ ok: false, field: 'utility_name' });
  });
});

describe('an area letter’s months column', () => {
  it('counts the months and gives their range', () => {
    expect(monthsText(['2024-02', '2024-03', '2024-04'], 0)).toBe('3 bln (Feb 2024 – Apr 2024)');
    expect(monthsText(['2024-02'], 150_000)).toBe('1 bln (Feb 2024) + tunggakan lama');
    expect(monthsText([], 150_000)).toBe('tunggakan lama');
  });
});
