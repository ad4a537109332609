/**
 * The collection teams' settings in the store, and the Data page's `intent=collections` action.
 * An admin sets them; absent or unreadable, the defaults hold (collections.ts).
 */
import { redirect } from '@remix-run/node';
import type { User } from '../roles';
import { settingsStore, type SettingsStore } from '../settings.server';
import { COLLECTIONS_INTENT, parseCollectionSettings, recentDays, type CollectionSettings } from './collections';

export async function readCollectionSettings(store: SettingsStore = settingsStore()): Promise<CollectionSettings> {
  return parseCollectionSettings((await store.read()).collections);
}

/** The Data page's `intent=collections` action (admins): 400 naming the field, else saved. */
export async function saveCollectionSettings(form: FormData, user: User, back: string): Promise<Response> {
  const value = String(form.get('recent_visit_days') ?? '');
  const days = recentDays(value);
  // a plain Response: the Data page's action data keeps the target form's type (the form reads its own)
  if (days === null) {
    return new Response(JSON.stringify({ intent: COLLECTIONS_INTENT, field: 'recent_visit_days', values: { recent_visit_days: value } }), {
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  await settingsStore().update((s) => ({ ...s, collections: { recent_visit_days: days, set_by: user.name, set_at: `${new Date().toISOString().slice(0, 19)}Z` } }));
  return redirect(back.replace('saved=target', `saved=${COLLECTIONS_INTENT}`));
}
