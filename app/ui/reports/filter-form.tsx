/**
 * A report's filters as a plain GET form to its own page: the period (a month, or two days), then
 * only the filters the report accepts. It works without JavaScript; every choice ends up in the URL.
 */
import { Form, Link } from '@remix-run/react';
import { AGE_BUCKETS } from '../../../etl/domain/aging';
import { CUSTOMER_STATUSES } from '../../../etl/domain/customers';
import type { FilterChoices } from '../../../etl/queries/arrears-areas';
import type { PeriodSpec, ReportFilterName } from '../../../etl/queries/reports/report';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatMonth } from '~/i18n/format';
import { ageBucketText } from '~/i18n/kpi-text';

export interface ReportFormProps {
  id: string;
  period: PeriodSpec;
  accepted: readonly ReportFilterName[];
  /** the rekap's groupings (`by=`), if the report has several */
  groupings?: readonly string[];
  /** the result's filters, under their URL names */
  values: Record<string, string | number | null>;
  view: string;
  months: readonly string[];
  choices: FilterChoices;
}

export function ReportFilterForm({ id, period, accepted, groupings, values, view, months, choices }: ReportFormProps) {
  const t = useT();
  const lang = useLang();
  const value = (name: string) => (values[name] === null || values[name] === undefined ? '' : String(values[name]));
  const any = <option value="">{t('reports.filter.any')}</option>;
  const has = (f: ReportFilterName) => accepted.includes(f);
  const label = (name: string) => t(`reports.filter.${name}` as MessageKey);
  const kecamatan = value('kecamatan');
  const desa = choices.desa.filter((d) => !kecamatan || d.kecamatan_code === kecamatan);
  return (
    <Form method="get" action={`/reports/${id}`} className="ar-filters" aria-label={t('reports.filters')}>
      <input type="hidden" name="view" value={view} />
      {period.kind === 'month' ? (
        <label>
          <span>{label(period.param)}</span>
          <select name={period.param} defaultValue={value(period.param)}>
            {[...months].reverse().map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, lang)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            <span>{label('from')}</span>
            <input type="date" name={period.from} defaultValue={value(period.from)} />
          </label>
          <label>
            <span>{label('to')}</span>
            <input type="date" name={period.to} defaultValue={value(period.to)} />
          </label>
        </>
      )}
      {groupings ? (
        <label>
          <span>{label('by')}</span>
          <select name="by" defaultValue={value('by')}>
            {groupings.map((g) => (
              <option key={g} value={g}>
                {t(`reports.by.${g}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {has('kecamatan') ? (
        <label>
          <span>{label('kecamatan')}</span>
          <select name="kecamatan" defaultValue={kecamatan}>
            {any}
            {choices.kecamatan.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {has('desa') ? (
        <label>
          <span>{label('desa')}</span>
          <select name="desa" defaultValue={value('desa')}>
            {any}
            {desa.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {has('tariffClass') ? (
        <label>
          <span>{label('tariff_class')}</span>
          <select name="tariff_class" defaultValue={value('tariff_class')}>
            {any}
            {choices.tariff_classes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {has('status') ? (
        <label>
          <span>{label('status')}</span>
          <select name="status" defaultValue={value('status')}>
            {any}
            {CUSTOMER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`arrears.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {has('age') ? (
        <label>
          <span>{label('age')}</span>
          <select name="age" defaultValue={value('age')}>
            {any}
            {AGE_BUCKETS.map((b) => (
              <option key={b.label} value={b.label}>
                {ageBucketText(b.label, lang)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {has('minAmount') ? (
        <label>
          <span>{label('min_amount')}</span>
          <input name="min_amount" type="number" min={0} step={1} inputMode="numeric" defaultValue={value('min_amount')} />
        </label>
      ) : null}
      {(['channel', 'team'] as const).filter(has).map((name) => (
        <label key={name}>
          <span>{label(name)}</span>
          <input name={name} defaultValue={value(name)} maxLength={32} />
        </label>
      ))}
      <div className="ar-filter-actions">
        <button type="submit">{t('reports.filter.apply')}</button>
        <Link to={`/reports/${id}?view=${view}`}>{t('reports.filter.reset')}</Link>
      </div>
    </Form>
  );
}
