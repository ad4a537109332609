/** The collection teams' settings on the Data page: the route planner's recent-visit days (admins edit). */
import { Form } from '@remix-run/react';
import { useSettingsResult } from './use-settings-result';
import { useLang, useT } from '~/i18n';
import { formatDate } from '~/i18n/format';
import { COLLECTIONS_INTENT, MAX_RECENT_VISIT_DAYS, type CollectionSettings } from '~/lib/settings/collections';
import { CsrfInput } from '~/ui/csrf-input';

export function CollectionSettingsForm({ settings, canEdit }: { settings: CollectionSettings; canEdit: boolean }) {
  const t = useT();
  const lang = useLang();
  const { mine, saved } = useSettingsResult<{ intent?: string; values?: Record<string, string> }>(COLLECTIONS_INTENT);
  return (
    <section className="panel" aria-labelledby="collections-settings-title" data-testid="collection-settings">
      <div className="panel-head">
        <h2 id="collections-settings-title">{t('settings.collections.title')}</h2>
      </div>
      <p>
        <strong>{t('settings.collections.current', { days: settings.recent_visit_days })}</strong>
        {settings.set_by && settings.set_at ? <span className="muted"> · {settings.set_by}, {formatDate(settings.set_at, lang, 'short')}</span> : null}
      </p>
      {saved && !mine ? (
        <p className="alert alert-success" role="status">
          {t('settings.collections.saved')}
        </p>
      ) : null}
      {mine ? (
        <p className="alert alert-error" role="alert">
          {t('settings.collections.invalid', { max: MAX_RECENT_VISIT_DAYS })}
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" className="lt-settings">
          <CsrfInput />
          <input type="hidden" name="intent" value={COLLECTIONS_INTENT} />
          <label className="field">
            <span>{t('settings.collections.recent_visit_days')}</span>
            <input
              name="recent_visit_days"
              inputMode="numeric"
              defaultValue={mine?.values?.recent_visit_days ?? String(settings.recent_visit_days)}
              aria-invalid={mine ? true : undefined}
              maxLength={3}
            />
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('settings.collections.save')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
