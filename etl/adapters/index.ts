/**
 * The settlement formats Kaba reads. A new format is one adapter file plus one line in this list; the
 * loader, the CLI and the docs find it here.
 */
import { bankH2h } from './bank-h2h';
import { marketplace } from './marketplace';
import { ppob } from './ppob';
import type { SettlementAdapter } from './types';

export const settlementAdapters: readonly SettlementAdapter[] = [bankH2h, ppob, marketplace];

export function adapterByFormat(format: string): SettlementAdapter | undefined {
  return settlementAdapters.find((a) => a.format === format);
}

/** The first adapter that recognises the file; the detectors are disjoint, so order does not decide. */
export function detectAdapter(fileName: string, firstLines: readonly string[]): SettlementAdapter | undefined {
  return settlementAdapters.find((a) => a.detect(fileName, firstLines));
}
