/**
 * A customer's ledger as the page and GET /api/v1/customers/{id} show it: the named query
 * (etl/queries/ledger.ts) as of the as-of month end, the letters that listed the customer (state
 * store) with their follow-up, and the WhatsApp reminder link.
 */
import { monthEnd } from '../../../etl/domain/period';
import { customerLedger, type Ledger } from '../../../etl/queries/ledger';
import type { FollowUpPoint } from '../letters/follow-up';
import { lettersWithFollowUp } from '../letters/letters.server';
import type { User } from '../roles';
import { scopeFor, withinScope } from '../scope.server';
import { readLetterSettings } from '../settings/letters.server';
import { settingsStore } from '../settings.server';
import { withScopedCache } from '../warehouse.server';
import { whatsappLink } from './whatsapp';

export interface LedgerLetter {
  letter_id: number;
  batch_id: number;
  number: string;
  kind: string;
  issued_on: string;
  recipient: string;
  /** what the letter listed for this customer */
  amount: number;
  periods: string[];
  follow_up: FollowUpPoint[];
}

export interface LedgerView extends Ledger {
  letters: LedgerLetter[];
  whatsapp: string | null;
}

export async function ledgerView(customerId: string, month: string, user: User): Promise<LedgerView | null> {
  const scope = scopeFor(user);
  // the warehouse's part, kept per file; the letters come from the state store on every request
  const ledger = await withinScope(() => withScopedCache('ledger', { customerId, month }, scope, (wh) => customerLedger(wh, { customerId, asOf: monthEnd(month), scope })));
  if (!ledger) return null;
  const [letters, settings] = await Promise.all([lettersWithFollowUp({ customerId }, scope), readLetterSettings(settingsStore())]);
  const periods = ledger.overdue.flatMap((d) => (d.period ? [d.period] : [])).sort();
  return {
    ...ledger,
    letters: letters.map((l) => {
      const line = l.lines.find((x) => x.customer_id === customerId);
      return {
        letter_id: l.letter_id, batch_id: l.batch_id, number: l.number, kind: l.kind, issued_on: l.issued_on, recipient: l.recipient,
        amount: line?.amount ?? 0, periods: line?.bills.map((b) => b.period) ?? [], follow_up: l.follow_up,
      };
    }),
    whatsapp:
      ledger.arrears > 0
        ? whatsappLink(ledger.customer.phone, { name: ledger.customer.name, customerId, amount: ledger.arrears, periods, utility: settings.utility_name })
        : null,
  };
}
