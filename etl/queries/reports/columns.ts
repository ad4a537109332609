/** Columns several reports' detail views share: who the customer is and where. */
import type { ReportColumn } from '../../domain/reports/shape';

export const CUSTOMER_COLUMNS: readonly ReportColumn[] = [
  { key: 'customer_id', format: 'text' },
  { key: 'name', format: 'text', personal: true },
  { key: 'kecamatan_name', label: 'kecamatan', format: 'text' },
  { key: 'desa_name', label: 'desa', format: 'text' },
  { key: 'tariff_class', format: 'text' },
];
