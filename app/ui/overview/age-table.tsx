/** Arrears by age bucket with the provision rate and amount of each, and their totals. */
import { isCurrentBucket } from '../../../etl/domain/kpi';
import type { AgeRow } from '~/lib/tables/overview.server';
import { DataTable, type TableView } from '~/ui/data-table';
import type { Translate } from '~/i18n';

export function AgeTable({ view, t }: { view: TableView<AgeRow>; t: Translate }) {
  return (
    <DataTable
      view={view}
      label={t('overview.age.title')}
      rowKey={(r) => r.bucket}
      testId="age-table"
      compact
      cell={{
        bucket: (r, text) => (
          <>
            <span className={`ov-swatch ${isCurrentBucket(r.bucket) ? 'ov-swatch-current' : 'ov-swatch-legacy'}`} aria-hidden="true" />
            {text}
          </>
        ),
      }}
    />
  );
}
