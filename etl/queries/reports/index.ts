/**
 * The reports (Laporan), by the id in their URLs: `/reports/<id>`, `/print/reports/<id>`,
 * `GET /api/v1/reports/<id>`. A new report is one module in this folder and one line here.
 */
import { drdReport } from './drd';
import { dsrReport } from './dsr';
import { efektivitasReport } from './efektivitas';
import { lppReport } from './lpp';
import { menunggakReport } from './menunggak';
import type { ReportDefinition } from './report';

export const REPORTS: Readonly<Record<string, ReportDefinition>> = Object.freeze({
  dsr: dsrReport,
  drd: drdReport,
  efektivitas: efektivitasReport,
  lpp: lppReport,
  menunggak: menunggakReport,
});

export function reportById(id: string): ReportDefinition | null {
  return Object.hasOwn(REPORTS, id) ? REPORTS[id] : null;
}
