/**
 * A report's filters as a plain GET form to its own page: the period (a month, or two days), the
 * rekap's grouping when it has several, then only the filters the report accepts. It works without
 * JavaScript; every choice ends up in the URL.
 */
import { Form, Link } from '@remix-run/react';
import { AGE_BUCKETS } from '../../../etl/domain/aging';
import { CUSTOMER_STATUSES } from '../../../etl/domain/customers';
import type { FilterChoices } from '../../../etl/queries/arrears-areas';
import type { PeriodSpec, ReportFilterName } from '../../../etl/queries/reports/report';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatMonth } from '~/i18n/format';
import { ageBucketText } from '~/i18n/kpi-text';
import { SelectField } from '~/ui/select-field';

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
  const label = (name: string) => t(`reports.filter.${name}` as MessageKey);
  const any = t('reports.filter.any');
  const kecamatan = value('kecamatan');
  const selects: { filter: ReportFilterName; name: string; options: { value: string; label: string }[] }[] = [
    { filter: 'kecamatan', name: 'kecamatan', options: choices.kecamatan.map((k) => ({ value: k.code, label: k.name })) },
    {
      filter: 'desa',
      name: 'desa',
      options: choices.desa.filter((d) => !kecamatan || d.kecamatan_code === kecamatan).map((d) => ({ value: d.code, label: d.name })),
    },
    { filter: 'tariffClass', name: 'tariff_class', options: choices.tariff_classes.map((c) => ({ value: c, label: c })) },
    { filter: 'status', name: 'status', options: CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`arrears.status.${s}` as MessageKey) })) },
    { filter: 'age', name: 'age', options: AGE_BUCKETS.map((b) => ({ value: b.label, label: ageBucketText(b.label, lang) })) },
  ];
  const texts = (['minAmount', 'channel', 'team'] as const).filter((f) => accepted.includes(f));
  const textName = { minAmount: 'min_amount', channel: 'channel', team: 'team' } as const;
  return (
    <Form method="get" action={`/reports/${id}`} className="ar-filters" aria-label={t('reports.filters')}>
      <input type="hidden" name="view" value={view} />
      {period.kind === 'month' ? (
        <SelectField
          name={period.param}
          label={label(period.param)}
          defaultValue={value(period.param)}
          options={[...months].reverse().map((m) => ({ value: m, label: formatMonth(m, lang) }))}
        />
      ) : (
        [period.from, period.to].map((name, i) => (
          <label key={name}>
            <span>{label(i === 0 ? 'from' : 'to')}</span>
            <input type="date" name={name} defaultValue={value(name)} />
          </label>
        ))
      )}
      {groupings ? (
        <SelectField name="by" label={label('by')} defaultValue={value('by')} options={groupings.map((g) => ({ value: g, label: t(`reports.by.${g}` as MessageKey) }))} />
      ) : null}
      {selects
        .filter((s) => accepted.includes(s.filter))
        .map((s) => (
          <SelectField key={s.name} name={s.name} label={label(s.name)} defaultValue={value(s.name)} any={any} options={s.options} />
        ))}
      {texts.map((f) => {
        const money = f === 'minAmount';
        return (
          <label key={f}>
            <span>{label(textName[f])}</span>
            <input
              name={textName[f]}
              type={money ? 'number' : 'text'}
              min={money ? 0 : undefined}
              step={money ? 1 : undefined}
              inputMode={money ? 'numeric' : undefined}
              maxLength={money ? undefined : 32}
              defaultValue={value(textName[f])}
            />
          </label>
        );
      })}
      <div className="ar-filter-actions">
        <button type="submit">{t('reports.filter.apply')}</button>
        <Link to={`/reports/${id}?view=${view}`}>{t('reports.filter.reset')}</Link>
      </div>
    </Form>
  );
}
