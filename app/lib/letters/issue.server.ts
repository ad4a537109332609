/**
 * Issuing a selection's letters: the customers come from the warehouse (etl/queries/sealing.ts) as of
 * the as-of month end, the drafts from compose.ts, and the batch is written to the state store in one
 * transaction, numbered from the year's sequence. The form sends only the selection; the same
 * selection issued again the same day is refused (DuplicateBatchError) so that no customer gets two
 * numbered letters for one decision.
 */
import { DESA_CODE, KECAMATAN_CODE } from '../../../etl/domain/areas';
import { jakartaNow, monthEnd } from '../../../etl/domain/period';
import { customersOwing } from '../../../etl/queries/sealing';
import { issueBatch } from '../../../etl/store/letters';
import type { ArrearsFilters } from '../../../etl/queries/filters';
import type { User } from '../roles';
import { scopeFor } from '../scope.server';
import { readLetterSettings, type LetterSettings } from '../settings/letters.server';
import { settingsStore } from '../settings.server';
import { stateStore } from '../state.server';
import { withWarehouse } from '../warehouse.server';
import { composeDrafts, isCustomerKind, letterCondition, type LetterKind } from './compose';

export interface LetterSelection {
  kind: LetterKind;
  /** a kecamatan or a desa code */
  area: string;
  /** YYYY-MM */
  asOf: string;
}

/** What letters show above and below the text: taken at issue time, so a reprint is the same letter. */
export type LetterHeader = Pick<
  LetterSettings,
  'utility_name' | 'utility_address' | 'city' | 'logo' | 'on_behalf' | 'signer_name' | 'signer_title' | 'signer_id' | 'deadline_days'
> & { min_bills: number };

export type SelectionCheck = { ok: true; filters: ArrearsFilters } | { ok: false; message: string };

export function selectionFilters(s: LetterSelection): SelectionCheck {
  if (KECAMATAN_CODE.test(s.area)) return { ok: true, filters: { kecamatan: s.area } };
  if (DESA_CODE.test(s.area)) {
    if (s.kind === 'camat') return { ok: false, message: 'a letter to the camat is for a kecamatan, not a desa' };
    return { ok: true, filters: { desa: s.area } };
  }
  return { ok: false, message: `area must be a kecamatan or desa code (${s.area})` };
}

export class EmptySelectionError extends Error {}

export async function issueSelection(s: LetterSelection, user: User): Promise<{ batch_id: number; numbers: string[] }> {
  const check = selectionFilters(s);
  if (!check.ok) throw new EmptySelectionError(check.message);
  const settings = await readLetterSettings(settingsStore());
  const issuedOn = jakartaNow().slice(0, 10);
  const customers = await withWarehouse((wh) =>
    customersOwing(wh, { asOf: monthEnd(s.asOf), filters: check.filters, condition: letterCondition(s.kind, settings.sealing), scope: scopeFor(user) }),
  );
  const drafts = composeDrafts(s.kind, customers, { issuedOn, deadlineDays: settings.deadline_days });
  if (drafts.length === 0) throw new EmptySelectionError(isCustomerKind(s.kind) ? 'no customer in this area meets the condition of this letter' : 'no customer in arrears to list in this area');
  const header: LetterHeader = {
    utility_name: settings.utility_name,
    utility_address: settings.utility_address,
    city: settings.city,
    logo: settings.logo,
    on_behalf: settings.on_behalf,
    signer_name: settings.signer_name,
    signer_title: settings.signer_title,
    signer_id: settings.signer_id,
    deadline_days: settings.deadline_days,
    min_bills: settings.sealing.min_bills,
  };
  return issueBatch(await stateStore(), {
    selection: { kind: s.kind, area_code: s.area, as_of_month: s.asOf },
    issuedOn,
    issuedBy: user.name,
    numbering: { template: settings.number_template, prefix: settings.number_prefix, code: settings.utility_code, start: settings.sequence_start },
    header,
    drafts,
  });
}
