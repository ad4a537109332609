/**
 * The reports' settings (settings.json key `reports`): up to four signature boxes printed under every
 * report (Dibuat oleh / Diperiksa oleh / Mengetahui …, each with jabatan, nama and NIP/NIK). An admin
 * sets them on the Data page; absent or unreadable fields take the defaults. The kop (utility name,
 * address, logo) is the letters' letterhead (letters.server.ts), written once.
 */
import type { SettingsStore } from '../settings.server';
import { MAX_SIGNATURE_TEXT, MAX_SIGNATURES, SIGNATURE_FIELDS, signatureField, type SignatureBox } from './report-signatures';

export type { SignatureBox };

export interface ReportSettings {
  signatures: SignatureBox[];
  set_by?: string;
  set_at?: string;
}


export const DEFAULT_REPORT_SETTINGS: ReportSettings = Object.freeze({
  signatures: [
    { label: 'Dibuat oleh', position: 'Staf Hubungan Langganan', name: '', id: '' },
    { label: 'Diperiksa oleh', position: 'Kepala Bagian Hubungan Langganan', name: '', id: '' },
    { label: 'Mengetahui', position: 'Direktur', name: '', id: '' },
  ],
});

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_SIGNATURE_TEXT;

/** The stored settings; a box that is not four short texts is dropped, a missing key takes the defaults. */
export function parseReportSettings(raw: unknown): ReportSettings {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { signatures?: unknown }).signatures)) return { ...DEFAULT_REPORT_SETTINGS };
  const r = raw as { signatures: unknown[]; set_by?: unknown; set_at?: unknown };
  const signatures = r.signatures
    .filter((b): b is SignatureBox => typeof b === 'object' && b !== null && SIGNATURE_FIELDS.every((f) => isText((b as Record<string, unknown>)[f])))
    .slice(0, MAX_SIGNATURES)
    .map((b) => ({ label: b.label, position: b.position, name: b.name, id: b.id }));
  return { signatures, ...(typeof r.set_by === 'string' ? { set_by: r.set_by } : {}), ...(typeof r.set_at === 'string' ? { set_at: r.set_at } : {}) };
}

export type ReportSettingsCheck = { ok: true; value: ReportSettings } | { ok: false; field: string };

/** The form's boxes, each field at most 80 characters; a box whose label is empty is left out. */
export function checkReportSettings(form: (name: string) => string): ReportSettingsCheck {
  const signatures: SignatureBox[] = [];
  for (let i = 0; i < MAX_SIGNATURES; i++) {
    const box = Object.fromEntries(SIGNATURE_FIELDS.map((f) => [f, form(signatureField(i, f)).trim()])) as unknown as SignatureBox;
    const tooLong = SIGNATURE_FIELDS.find((f) => box[f].length > MAX_SIGNATURE_TEXT);
    if (tooLong) return { ok: false, field: signatureField(i, tooLong) };
    if (box.label !== '') signatures.push(box);
  }
  return { ok: true, value: { signatures } };
}

export async function readReportSettings(store: SettingsStore): Promise<ReportSettings> {
  return (await store.read()).reports ?? { ...DEFAULT_REPORT_SETTINGS };
}

export function setReportSettings(store: SettingsStore, value: ReportSettings, by: string): Promise<unknown> {
  return store.update((s) => ({ ...s, reports: { ...value, set_by: by, set_at: `${new Date().toISOString().slice(0, 19)}Z` } }));
}
