/**
 * The letters' settings (settings.json key `letters`): the letterhead (the utility's name, address,
 * code and logo), the signer, the numbering and the sealing policy. An admin sets them on the Data
 * page; absent or unreadable fields take the defaults, so letters can always be printed.
 *
 * The logo is a PNG/SVG file in `public/letterhead/`, chosen by its name: nothing is uploaded (forms
 * stay under the 8 KiB body limit) and the page can only point at the app's own files.
 */
import { DEFAULT_NUMBER_TEMPLATE, isNumberTemplate } from '../../../etl/domain/letter-number';
import { checkSealingPolicy, DEFAULT_SEALING_POLICY, type SealingPolicy } from '../../../etl/domain/sealing';
import type { SettingsStore } from '../settings.server';

export interface LetterSettings {
  utility_name: string;
  utility_address: string;
  /** where letters are signed: `Curup, 1 Desember 2026` */
  city: string;
  /** the utility's code in letter numbers (`TBK`) */
  utility_code: string;
  /** a file name in public/letterhead/, or '' for none */
  logo: string;
  /** `a.n. Direksi Perumdam Tirta Bukit Kaba` */
  on_behalf: string;
  signer_name: string;
  signer_title: string;
  /** NIP or NIK; '' when the signer has none */
  signer_id: string;
  number_prefix: string;
  number_template: string;
  /** the first number of each year's sequence */
  sequence_start: number;
  /** days a customer is given to pay before sealing */
  deadline_days: number;
  sealing: SealingPolicy;
  set_by?: string;
  set_at?: string;
}

export const DEFAULT_LETTER_SETTINGS: LetterSettings = Object.freeze({
  utility_name: 'Perumdam Tirta Bukit Kaba',
  utility_address: 'Jl. Merdeka No. 1, Curup, Kabupaten Rejang Lebong, Bengkulu',
  city: 'Curup',
  utility_code: 'TBK',
  logo: 'kaba.svg',
  on_behalf: 'a.n. Direksi Perumdam Tirta Bukit Kaba',
  signer_name: 'Nama Penandatangan',
  signer_title: 'Kepala Bagian Hubungan Langganan',
  signer_id: '',
  number_prefix: '690',
  number_template: DEFAULT_NUMBER_TEMPLATE,
  sequence_start: 1,
  deadline_days: 7,
  sealing: DEFAULT_SEALING_POLICY,
});

export const LOGO_NAME = /^[a-z0-9][a-z0-9_-]{0,40}\.(png|svg)$/;
const TEXT_FIELDS = ['utility_name', 'utility_address', 'city', 'utility_code', 'on_behalf', 'signer_name', 'signer_title', 'signer_id', 'number_prefix'] as const;
const MAX_TEXT = 160;

/** The stored settings, each field checked; a missing or bad one takes its default. */
export function parseLetterSettings(raw: unknown): LetterSettings {
  const out: LetterSettings = { ...DEFAULT_LETTER_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  for (const f of TEXT_FIELDS) if (typeof r[f] === 'string' && (r[f] as string).length <= MAX_TEXT) out[f] = r[f] as string;
  if (typeof r.logo === 'string' && (r.logo === '' || LOGO_NAME.test(r.logo))) out.logo = r.logo;
  if (typeof r.number_template === 'string' && isNumberTemplate(r.number_template)) out.number_template = r.number_template;
  if (Number.isSafeInteger(r.sequence_start) && (r.sequence_start as number) >= 1) out.sequence_start = r.sequence_start as number;
  if (Number.isSafeInteger(r.deadline_days) && (r.deadline_days as number) >= 1 && (r.deadline_days as number) <= 90) out.deadline_days = r.deadline_days as number;
  const s = r.sealing as Record<string, unknown> | undefined;
  if (s && typeof s === 'object') {
    const check = checkSealingPolicy({ min_bills: String(s.min_bills ?? ''), min_oldest_months: String(s.min_oldest_months ?? '0'), min_amount: String(s.min_amount ?? '0') });
    if (check.ok) out.sealing = check.value;
  }
  if (typeof r.set_by === 'string') out.set_by = r.set_by;
  if (typeof r.set_at === 'string') out.set_at = r.set_at;
  return out;
}

export const LETTER_FORM_FIELDS = [...TEXT_FIELDS, 'logo', 'number_template', 'sequence_start', 'deadline_days', 'min_bills', 'min_oldest_months', 'min_amount'] as const;
export type LetterFormField = (typeof LETTER_FORM_FIELDS)[number];

export type LetterSettingsCheck = { ok: true; value: LetterSettings } | { ok: false; field: LetterFormField };

/** The settings form's text, checked field by field (the first wrong one is named). */
export function checkLetterSettings(form: Record<LetterFormField, string>): LetterSettingsCheck {
  const value: LetterSettings = { ...DEFAULT_LETTER_SETTINGS };
  for (const f of TEXT_FIELDS) {
    const text = form[f].trim();
    if (text.length > MAX_TEXT || (text === '' && f !== 'signer_id')) return { ok: false, field: f };
    value[f] = text;
  }
  const logo = form.logo.trim();
  if (logo !== '' && !LOGO_NAME.test(logo)) return { ok: false, field: 'logo' };
  value.logo = logo;
  const template = form.number_template.trim();
  if (!isNumberTemplate(template)) return { ok: false, field: 'number_template' };
  value.number_template = template;
  const start = Number(form.sequence_start.trim());
  if (!Number.isSafeInteger(start) || start < 1) return { ok: false, field: 'sequence_start' };
  value.sequence_start = start;
  const days = Number(form.deadline_days.trim());
  if (!Number.isInteger(days) || days < 1 || days > 90) return { ok: false, field: 'deadline_days' };
  value.deadline_days = days;
  const policy = checkSealingPolicy({ min_bills: form.min_bills, min_oldest_months: form.min_oldest_months, min_amount: form.min_amount });
  if (!policy.ok) return { ok: false, field: policy.field };
  value.sealing = policy.value;
  return { ok: true, value };
}

export async function readLetterSettings(store: SettingsStore): Promise<LetterSettings> {
  return (await store.read()).letters ?? { ...DEFAULT_LETTER_SETTINGS };
}

export function setLetterSettings(store: SettingsStore, value: LetterSettings, by: string): Promise<unknown> {
  return store.update((s) => ({ ...s, letters: { ...value, set_by: by, set_at: `${new Date().toISOString().slice(0, 19)}Z` } }));
}
