/** The page of a report's detail view the URL asks for (`page`, `page_size`); a wrong one is a 400 naming it. */
import { json } from '@remix-run/node';
import { apiHeaders } from '../http.server';
import type { ReportWindow } from './run.server';

export const REPORT_PAGE_SIZE = 100;
export const MAX_REPORT_PAGE_SIZE = 1000;

function whole(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const text = params.get(name);
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (/^\d+$/.test(text) && n >= 1 && n <= max) return n;
  throw json({ error: 'bad_request', param: name, message: `${name}: must be a whole number from 1 to ${max}` }, { status: 400, headers: apiHeaders() });
}

export function reportWindow(params: URLSearchParams, pageSize = REPORT_PAGE_SIZE): { page: number; pageSize: number; window: NonNullable<ReportWindow> } {
  const page = whole(params, 'page', 1, 1_000_000);
  const size = whole(params, 'page_size', pageSize, MAX_REPORT_PAGE_SIZE);
  return { page, pageSize: size, window: { offset: (page - 1) * size, limit: size } };
}

/** `paper=a4|f4` (print and XLSX), default A4. */
export function reportPaper(params: URLSearchParams): 'a4' | 'f4' {
  const paper = params.get('paper') || 'a4';
  if (paper === 'a4' || paper === 'f4') return paper;
  throw json({ error: 'bad_request', param: 'paper', message: 'paper: must be a4 or f4' }, { status: 400, headers: apiHeaders() });
}
