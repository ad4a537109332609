/** The Data page's `intent=reports` action: checks the report signature boxes and saves them (admins). */
import { redirect } from '@remix-run/node';
import type { User } from '../roles';
import { settingsStore } from '../settings.server';
import { checkReportSettings, setReportSettings } from './reports.server';

export const REPORTS_INTENT = 'reports';

/** The Data page's `intent=reports` action (admins): checks the boxes and saves them. */
export async function saveReportSettings(form: FormData, user: User, back: string): Promise<Response> {
  const check = checkReportSettings((name) => String(form.get(name) ?? ''));
  if (!check.ok) {
    return new Response(JSON.stringify({ intent: REPORTS_INTENT, field: check.field }), { status: 400, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  await setReportSettings(settingsStore(), check.value, user.name);
  return redirect(back.replace('saved=target', 'saved=reports'));
}
