/** The reports' signature boxes (settings key `reports`): read from the file, checked from the Data page's form. */
import { describe, expect, it } from 'vitest';
import { signatureField } from '../../../app/lib/settings/report-signatures';
import { checkReportSettings, DEFAULT_REPORT_SETTINGS, parseReportSettings } from '../../../app/lib/settings/reports.server';

describe('report signature settings', () => {
  it('without a stored key: Dibuat oleh, Diperiksa oleh, Mengetahui', () => {
    expect(parseReportSettings(undefined)).toEqual(DEFAULT_REPORT_SETTINGS);
    expect(DEFAULT_REPORT_SETTINGS.signatures.map((s) => s.label)).toEqual(['Dibuat oleh', 'Diperiksa oleh', 'Mengetahui']);
  });

  it('keeps at most four well-formed boxes, drops the others', () => {
    const box = (label: string) => ({ label, position: 'Direktur', name: 'Budi', id: '' });
    const parsed = parseReportSettings({ signatures: [box('A'), { label: 3 }, box('B'), box('C'), box('D'), box('E')], set_by: 'admin' });
    expect(parsed.signatures.map((s) => s.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(parsed.set_by).toBe('admin');
  });

  it('from the form: a box with an empty label is left out; a field over 80 characters is named', () => {
    const form = new Map([
      [signatureField(0, 'label'), 'Dibuat oleh'],
      [signatureField(0, 'name'), ' Sri Wahyuni '],
      [signatureField(2, 'label'), 'Mengetahui'],
      [signatureField(2, 'position'), 'Direktur'],
    ]);
    const check = checkReportSettings((name) => form.get(name) ?? '');
    expect(check).toEqual({
      ok: true,
      value: {
        signatures: [
          { label: 'Dibuat oleh', position: '', name: 'Sri Wahyuni', id: '' },
          { label: 'Mengetahui', position: 'Direktur', name: '', id: '' },
        ],
      },
    });
    form.set(signatureField(1, 'id'), 'x'.repeat(81));
    expect(checkReportSettings((name) => form.get(name) ?? '')).toEqual({ ok: false, field: 'sig2_id' });
  });
});
