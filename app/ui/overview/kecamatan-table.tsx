/** Each kecamatan with its arrears, customers in arrears and share of the total, linked to its desa page. */
import { Link } from '@remix-run/react';
import type { KecamatanRow } from '~/lib/tables/overview.server';
import { DataTable, type TableView } from '~/ui/data-table';
import type { Translate } from '~/i18n';

export function KecamatanTable({ view, t, href }: { view: TableView<KecamatanRow>; t: Translate; href: (code: string) => string }) {
  return (
    <DataTable
      view={view}
      label={t('overview.kecamatan.title')}
      rowKey={(r) => r.code}
      testId="kecamatan-table"
      cell={{
        name: (r, text) => (
          <Link to={href(r.code)} prefetch="intent" data-kecamatan={r.code}>
            {text}
          </Link>
        ),
      }}
    />
  );
}
