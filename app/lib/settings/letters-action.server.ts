/** The Data page's `intent=letters` action: checks the letters' settings form and saves it (admins). */
import { redirect } from '@remix-run/node';
import type { User } from '../roles';
import { settingsStore } from '../settings.server';
import { checkLetterSettings, LETTER_FORM_FIELDS, setLetterSettings, type LetterFormField } from './letters.server';

export const LETTERS_INTENT = 'letters';

export async function saveLetterSettings(form: FormData, user: User, back: string): Promise<Response> {
  const values = Object.fromEntries(LETTER_FORM_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Record<LetterFormField, string>;
  const check = checkLetterSettings(values);
  // a plain Response: the Data page's action data keeps the target form's type (the form reads its own)
  if (!check.ok) return new Response(JSON.stringify({ intent: LETTERS_INTENT, field: check.field, values }), { status: 400, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  await setLetterSettings(settingsStore(), check.value, user.name);
  return redirect(back.replace('saved=target', 'saved=letters'));
}
