/**
 * The drill-down's filters as a plain GET form to /arrears (which moves the chosen kecamatan and desa
 * into the path): it works without JavaScript, and every choice ends up in the URL.
 */
import { Form, Link } from '@remix-run/react';
import { AGE_BUCKETS } from '../../../etl/domain/aging';
import { CUSTOMER_STATUSES } from '../../../etl/domain/customers';
import type { FilterChoices } from '../../../etl/queries/arrears-areas';
import type { ArrearsFilters } from '../../../etl/queries/filters';
import { useLang, useT } from '~/i18n';
import { formatMonth } from '~/i18n/format';
import { ageBucketText } from '~/i18n/kpi-text';
import { withAsOf } from '~/lib/as-of';

export interface FilterBarProps {
  month: string;
  months: readonly string[];
  filters: ArrearsFilters;
  choices: FilterChoices;
}

export function ArrearsFilterBar({ month, months, filters, choices }: FilterBarProps) {
  const t = useT();
  const lang = useLang();
  const kecamatanName = new Map(choices.kecamatan.map((k) => [k.code, k.name]));
  // the desa of the chosen kecamatan, or every desa by kecamatan
  const desa = choices.desa.filter((d) => !filters.kecamatan || d.kecamatan_code === filters.kecamatan);
  const groups = [...new Set(desa.map((d) => d.kecamatan_code))];
  const any = <option value="">{t('arrears.filter.any')}</option>;
  return (
    <Form method="get" action="/arrears" className="ar-filters" aria-label={t('arrears.filters')}>
      <label>
        <span>{t('arrears.filter.month')}</span>
        <select name="bulan" defaultValue={month}>
          {[...months].reverse().map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('arrears.filter.kecamatan')}</span>
        <select name="kecamatan" defaultValue={filters.kecamatan ?? ''}>
          {any}
          {choices.kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('arrears.filter.desa')}</span>
        <select name="desa" defaultValue={filters.desa ?? ''}>
          {any}
          {groups.map((g) => (
            <optgroup key={g} label={kecamatanName.get(g) ?? g}>
              {desa
                .filter((d) => d.kecamatan_code === g)
                .map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        <span>{t('arrears.filter.tariff')}</span>
        <select name="tariff_class" defaultValue={filters.tariffClass ?? ''}>
          {any}
          {choices.tariff_classes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('arrears.filter.status')}</span>
        <select name="status" defaultValue={filters.status ?? ''}>
          {any}
          {CUSTOMER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`arrears.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('arrears.filter.age')}</span>
        <select name="age" defaultValue={filters.age ?? ''}>
          {any}
          {AGE_BUCKETS.map((b) => (
            <option key={b.label} value={b.label}>
              {ageBucketText(b.label, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('arrears.filter.minAmount')}</span>
        <input name="min_amount" type="number" min={0} step={1} inputMode="numeric" defaultValue={filters.minAmount ?? ''} />
      </label>
      <div className="ar-filter-actions">
        <button type="submit">{t('arrears.filter.apply')}</button>
        <Link to={withAsOf('/arrears', month)}>{t('arrears.filter.reset')}</Link>
      </div>
    </Form>
  );
}
