/** A customer's connection status (customers.csv `status`, CONTRACT §1). */
export const CUSTOMER_STATUSES = ['active', 'sealed', 'disconnected', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
