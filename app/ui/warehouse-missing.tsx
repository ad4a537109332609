/** What a page shows when there is no warehouse yet: how to load data, not a crash. */
import { useT } from '~/i18n';
import type { WarehouseUnavailable } from '~/lib/errors';

export function WarehouseMissing({ problem }: { problem: WarehouseUnavailable }) {
  const t = useT();
  const missing = problem.error === 'warehouse_missing';
  return (
    <section className="panel panel-notice" aria-labelledby="warehouse-missing-title">
      <h1 id="warehouse-missing-title">{t(missing ? 'warehouse.missing.title' : 'warehouse.broken.title')}</h1>
      <p>{t(missing ? 'warehouse.missing.body' : 'warehouse.broken.body', { path: problem.path })}</p>
      <p className="muted">{t('warehouse.missing.load')}</p>
      <pre>
        <code>npm run etl -- /path/to/exports</code>
      </pre>
      <p className="muted">{t('warehouse.missing.demo')}</p>
      <pre>
        <code>npm run demo:data -- --out data/demo{'\n'}npm run etl -- data/demo</code>
      </pre>
    </section>
  );
}
