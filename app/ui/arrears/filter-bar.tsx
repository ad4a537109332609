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
import { SelectField } from '~/ui/select-field';

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
  const anyText = t('arrears.filter.any');
  return (
    <Form method="get" action="/arrears" className="ar-filters" aria-label={t('arrears.filters')}>
      <SelectField name="bulan" label={t('arrears.filter.month')} defaultValue={month} options={[...months].reverse().map((m) => ({ value: m, label: formatMonth(m, lang) }))} />
      <SelectField
        name="kecamatan"
        label={t('arrears.filter.kecamatan')}
        defaultValue={filters.kecamatan ?? ''}
        any={anyText}
        options={choices.kecamatan.map((k) => ({ value: k.code, label: k.name }))}
      />
      <SelectField name="desa" label={t('arrears.filter.desa')} defaultValue={filters.desa ?? ''} any={anyText} options={[]}>
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
      </SelectField>
      <SelectField
        name="tariff_class"
        label={t('arrears.filter.tariff')}
        defaultValue={filters.tariffClass ?? ''}
        any={anyText}
        options={choices.tariff_classes.map((c) => ({ value: c, label: c }))}
      />
      <SelectField
        name="status"
        label={t('arrears.filter.status')}
        defaultValue={filters.status ?? ''}
        any={anyText}
        options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`arrears.status.${s}`) }))}
      />
      <SelectField
        name="age"
        label={t('arrears.filter.age')}
        defaultValue={filters.age ?? ''}
        any={anyText}
        options={AGE_BUCKETS.map((b) => ({ value: b.label, label: ageBucketText(b.label, lang) }))}
      />
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
