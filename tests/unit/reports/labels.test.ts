/** Every report's words exist in both languages: titles, column headers, group headers, coded values. */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../app/i18n';
import { REPORT_VIEWS } from '../../../etl/domain/reports/shape';
import { REPORTS } from '../../../etl/queries/reports';
import { EFFECTIVENESS_PARTS } from '../../../etl/queries/reports/efektivitas';
import { filterLine, periodLine } from '../../../app/lib/reports/labels';

describe('report labels', () => {
  for (const def of Object.values(REPORTS)) {
    it(`${def.id}: title, description, every column and group header, in Indonesian and English`, () => {
      const keys = [`reports.${def.id}.title`, `reports.${def.id}.description`];
      for (const view of REPORT_VIEWS) {
        for (const by of def.groupings ?? [undefined]) {
          for (const c of def.columns(view, by)) {
            keys.push(`reports.col.${c.label ?? c.key}`);
            if (c.group && !c.group.startsWith('age:')) keys.push(`reports.group.${c.group}`);
          }
        }
      }
      for (const g of def.groupings ?? []) keys.push(`reports.by.${g}`);
      for (const key of keys) for (const lang of ['id', 'en'] as const) expect(MESSAGES[lang][key], `${lang} ${key}`).toBeTruthy();
    });
  }

  it('the coded values: the DSR’s debt kinds and the efektivitas parts', () => {
    for (const v of ['bill', 'opening', ...EFFECTIVENESS_PARTS]) expect(MESSAGES.id[`reports.value.${v}`]).toBeTruthy();
  });

  it('say the period and the filters', () => {
    expect(periodLine({ as_of: '2024-02' }, 'id')).toBe('Per 29 Februari 2024');
    expect(periodLine({ period: '2024-03' }, 'en')).toBe('Period March 2024');
    expect(filterLine({ as_of: '2024-02', kecamatan: '17.02.17', age: '>60', desa: null }, 'id', { 'kecamatan:17.02.17': 'Curup Timur' })).toBe(
      'Kecamatan: Curup Timur · Umur piutang: > 5 thn',
    );
    expect(filterLine({ as_of: '2024-02' }, 'en')).toBe('no filter');
  });
});
