/** The letters' settings on the Data page: letterhead, signer, numbering, sealing policy (admins edit). */
import { Form } from '@remix-run/react';
import { useSettingsResult } from './use-settings-result';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatDate } from '~/i18n/format';
import type { LetterFormField, LetterSettings } from '~/lib/settings/letters.server';
import { sealingPolicyText } from '~/lib/letters/policy-text';
import { CsrfInput } from '~/ui/csrf-input';

const FIELDS: { name: LetterFormField; value: (s: LetterSettings) => string; numeric?: boolean }[] = [
  { name: 'utility_name', value: (s) => s.utility_name },
  { name: 'utility_address', value: (s) => s.utility_address },
  { name: 'city', value: (s) => s.city },
  { name: 'utility_code', value: (s) => s.utility_code },
  { name: 'logo', value: (s) => s.logo },
  { name: 'on_behalf', value: (s) => s.on_behalf },
  { name: 'signer_name', value: (s) => s.signer_name },
  { name: 'signer_title', value: (s) => s.signer_title },
  { name: 'signer_id', value: (s) => s.signer_id },
  { name: 'number_prefix', value: (s) => s.number_prefix },
  { name: 'number_template', value: (s) => s.number_template },
  { name: 'sequence_start', value: (s) => String(s.sequence_start), numeric: true },
  { name: 'deadline_days', value: (s) => String(s.deadline_days), numeric: true },
  { name: 'min_bills', value: (s) => String(s.sealing.min_bills), numeric: true },
  { name: 'min_oldest_months', value: (s) => String(s.sealing.min_oldest_months), numeric: true },
  { name: 'min_amount', value: (s) => String(s.sealing.min_amount), numeric: true },
];

export function LetterSettingsForm({ settings, canEdit }: { settings: LetterSettings; canEdit: boolean }) {
  const t = useT();
  const lang = useLang();
  const { mine, saved } = useSettingsResult<{ intent?: string; field?: LetterFormField; values?: Record<string, string> }>('letters');
  const label = (f: LetterFormField) => t(`settings.letters.${f}` as MessageKey);
  return (
    <section className="panel" aria-labelledby="letters-settings-title" data-testid="letter-settings">
      <div className="panel-head">
        <h2 id="letters-settings-title">{t('settings.letters.title')}</h2>
      </div>
      <p className="muted">{t('settings.letters.lead')}</p>
      <p>
        <strong>{sealingPolicyText(settings.sealing, lang)}</strong>
        {settings.set_by && settings.set_at ? <span className="muted"> · {settings.set_by}, {formatDate(settings.set_at, lang, 'short')}</span> : null}
      </p>
      {saved && !mine ? (
        <p className="alert alert-success" role="status">
          {t('settings.letters.saved')}
        </p>
      ) : null}
      {mine?.field ? (
        <p className="alert alert-error" role="alert">
          {t('settings.letters.invalid', { field: label(mine.field) })}
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" className="lt-settings">
          <CsrfInput />
          <input type="hidden" name="intent" value="letters" />
          {FIELDS.map((f) => (
            <label key={f.name} className="field">
              <span>{label(f.name)}</span>
              <input
                name={f.name}
                inputMode={f.numeric ? 'numeric' : undefined}
                defaultValue={mine?.values?.[f.name] ?? f.value(settings)}
                aria-invalid={mine?.field === f.name || undefined}
                maxLength={160}
              />
            </label>
          ))}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('settings.letters.save')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
