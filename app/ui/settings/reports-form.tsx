/** The reports' signature boxes on the Data page (admins edit; up to four, each label, jabatan, nama, NIP/NIK). */
import { Form } from '@remix-run/react';
import { useSettingsResult } from './use-settings-result';
import { useT, type MessageKey } from '~/i18n';
import { MAX_SIGNATURES, SIGNATURE_FIELDS, signatureField } from '~/lib/settings/report-signatures';
import type { ReportSettings } from '~/lib/settings/reports.server';
import { CsrfInput } from '~/ui/csrf-input';

const FIELD_LABEL: Record<(typeof SIGNATURE_FIELDS)[number], MessageKey> = {
  label: 'reports.signatures.label',
  position: 'reports.signatures.position',
  name: 'reports.signatures.name',
  id: 'reports.signatures.id',
};

export function ReportSettingsForm({ settings, canEdit }: { settings: ReportSettings; canEdit: boolean }) {
  const t = useT();
  const { mine, saved } = useSettingsResult<{ intent?: string; field?: string }>('reports');
  return (
    <section className="panel" aria-labelledby="report-settings-title" data-testid="report-settings">
      <div className="panel-head">
        <h2 id="report-settings-title">{t('reports.signatures.title')}</h2>
      </div>
      <p className="muted">{t('reports.signatures.intro')}</p>
      {saved && !mine ? (
        <p className="alert alert-success" role="status">
          {t('reports.signatures.saved')}
        </p>
      ) : null}
      {mine?.field ? (
        <p className="alert alert-error" role="alert">
          {t('reports.signatures.bad', { field: mine.field })}
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" className="lt-settings">
          <CsrfInput />
          <input type="hidden" name="intent" value="reports" />
          {Array.from({ length: MAX_SIGNATURES }, (_, i) => (
            <fieldset key={signatureField(i, 'label')} className="field">
              <legend>{t('reports.signatures.box', { n: i + 1 })}</legend>
              {SIGNATURE_FIELDS.map((f) => (
                <label key={f} className="field">
                  <span>{t(FIELD_LABEL[f])}</span>
                  <input name={signatureField(i, f)} defaultValue={settings.signatures[i]?.[f] ?? ''} maxLength={80} aria-invalid={mine?.field === signatureField(i, f) || undefined} />
                </label>
              ))}
            </fieldset>
          ))}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('reports.signatures.save')}
            </button>
          </div>
        </Form>
      ) : (
        <p className="muted">{t('reports.signatures.readOnly')}</p>
      )}
    </section>
  );
}
