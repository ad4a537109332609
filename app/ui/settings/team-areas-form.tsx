/** The collection teams' areas on the Data page (Menunggak per petugas): admins edit, others read. */
import { Form } from '@remix-run/react';
import { useSettingsResult } from './use-settings-result';
import { useLang, useT } from '~/i18n';
import { formatDate } from '~/i18n/format';
import type { TeamAreasSection } from '~/lib/settings/team-areas-action.server';
import { CsrfInput } from '~/ui/csrf-input';

export function TeamAreasForm({ section, canEdit }: { section: TeamAreasSection; canEdit: boolean }) {
  const t = useT();
  const lang = useLang();
  const { mine, saved } = useSettingsResult<{ intent?: string; message?: string; team?: string | null; values?: Record<string, string> }>('team-areas');
  const named = (codes: readonly string[]) => (codes.length ? codes.map((c) => `${c} ${section.names[c] ?? ''}`.trim()).join(', ') : t('settings.teamAreas.none'));
  return (
    <section className="panel" aria-labelledby="team-areas-title" data-testid="team-areas-settings">
      <div className="panel-head">
        <h2 id="team-areas-title">{t('settings.teamAreas.title')}</h2>
      </div>
      <p className="muted">{t('settings.teamAreas.lead')}</p>
      <p>
        {section.set_by && section.set_at
          ? t('settings.teamAreas.setBy', { name: section.set_by, at: formatDate(section.set_at, lang, 'short') })
          : t('settings.teamAreas.fromDefault')}
      </p>
      {saved && !mine ? (
        <p className="alert alert-success" role="status">
          {t('settings.teamAreas.saved')}
        </p>
      ) : null}
      {mine?.message ? (
        <p className="alert alert-error" role="alert">
          {t('settings.teamAreas.invalid', { message: mine.message })}
        </p>
      ) : null}
      {section.teams.length === 0 ? <p>{t('settings.teamAreas.noTeams')}</p> : null}
      {canEdit && section.teams.length > 0 ? (
        // keyed by the setting: saved or reset, the fields start again from what is stored
        <Form method="post" className="lt-settings" key={section.set_at ?? 'default'}>
          <input type="hidden" name="intent" value="team-areas" />
          <CsrfInput />
          {section.teams.map((team) => {
            const name = team.field;
            return (
              <label key={team.team_id} className="field">
                <span>
                  {team.team_id} · {team.team_name}
                </span>
                <input name={name} defaultValue={mine?.values?.[name] ?? team.areas.join(', ')} aria-invalid={mine?.team === team.team_id || undefined} maxLength={1200} />
                <small className="muted">{t('settings.teamAreas.default', { areas: named(team.default_areas) })}</small>
              </label>
            );
          })}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('settings.teamAreas.save')}
            </button>
            <button type="submit" name="reset" value="default" className="button">
              {t('settings.teamAreas.reset')}
            </button>
          </div>
        </Form>
      ) : (
        <ul>
          {section.teams.map((team) => (
            <li key={team.team_id}>
              {team.team_id} · {team.team_name}: {named(team.areas)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
