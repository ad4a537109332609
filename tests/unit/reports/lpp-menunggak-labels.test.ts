import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../app/i18n';
import { columnLabelKey } from '../../../app/lib/reports/labels';
import { lppReport } from '../../../etl/queries/reports/lpp';
import { menunggakReport } from '../../../etl/queries/reports/menunggak';

describe('the words of the LPP and Menunggak per petugas', () => {
  it('name every column, group and coded value in Indonesian and English', () => {
    for (const def of [lppReport, menunggakReport]) {
      for (const view of ['detail', 'rekap'] as const) {
        for (const c of def.columns(view)) {
          const keys = [columnLabelKey(c), ...(c.group ? [`reports.group.${c.group}`] : [])];
          for (const key of keys) for (const lang of ['id', 'en'] as const) expect(MESSAGES[lang][key], `${def.id} ${view} ${key} ${lang}`).toBeTruthy();
        }
      }
      for (const lang of ['id', 'en'] as const) expect(MESSAGES[lang][`reports.${def.id}.title`]).toBeTruthy();
    }
    for (const status of ['completed', 'refunded', 'cancelled']) for (const lang of ['id', 'en'] as const) expect(MESSAGES[lang][`reports.value.${status}`]).toBeTruthy();
  });
});
