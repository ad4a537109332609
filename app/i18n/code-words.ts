/** The words for the codes the data holds (a customer status, a visit outcome), wherever a page or a table shows one. */
import { VISIT_OUTCOMES } from '../../etl/domain/collections/rules';
import { CUSTOMER_STATUSES } from '../../etl/domain/customers';
import type { MessageKey } from './index';

export const statusValues: Readonly<Record<string, MessageKey>> = Object.fromEntries(CUSTOMER_STATUSES.map((s) => [s, `arrears.status.${s}` as MessageKey]));
export const outcomeValues: Readonly<Record<string, MessageKey>> = Object.fromEntries(VISIT_OUTCOMES.map((o) => [o, `col.outcome.${o}` as MessageKey]));
