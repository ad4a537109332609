/**
 * A small utility whose every figure can be worked out by hand (tests/integration/queries.test.ts
 * does, in its comments): the fixture's three customers in two kecamatan, three months of bills, a few
 * payments through three channels, an opening balance, a write-off, two teams' visits and one bad row.
 *
 *   customer          desa (kecamatan)            tariff  status  bills 2024-01 / 02 / 03 (due 20 Feb / 20 Mar / see below)
 *   C1 0100000001     17.02.09.1001 (Curup)        R2      active  40,000 / 50,000 / 60,000 (due 20 Apr); 2024-04 45,000 issued 29 Apr, due 20 May
 *   C2 0100000002     17.02.17.2001 (Curup Timur)  R2      sealed  30,000 / 30,000 / 30,000 (due 20 Apr); opening balance 200,000 from 2024-01-01, oldest 2018-06
 *   C3 0100000003     17.02.17.2001 (Curup Timur)  N1      active  100,000 / 100,000 / 100,000 (due 5 May)
 *
 *   P1 LOKET    C1 2024-01  15 Feb  40,000   before its due date
 *   P2 FASTPAY  C3 2024-01  10 Mar 100,000   overdue (penalty 5,000, admin fee 2,500)
 *   P3 FASTPAY  C1 2024-02  25 Apr  20,000   overdue
 *   P4 KOLEKTOR C2 (none)   15 Mar  50,000   to the opening balance
 *   P5 LOKET    C3 2024-03  10 Apr  60,000   before its due date
 *   write-off   C2 2024-01  31 Mar  30,000   overdue
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPaths } from '../../etl/load/load-paths';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { BASE_FILES, bills, payments, type Fixture } from './fixture';

export const SMALL_UTILITY: Record<string, readonly string[]> = {
  ...BASE_FILES,
  'teams.csv': [
    'team_id,team_name,collector_id,collector_name,base_latitude,base_longitude',
    'T01,Tim Curup,K01,Andi,,',
    'T02,Tim Curup Timur,K02,Bayu,,',
  ],
  'opening_balances.csv': ['customer_id,as_of,amount,oldest_period', '0100000002,2024-01-01,200000,2018-06'],
  'bills.csv': bills([
    '0100000001,2024-01,2024-02-02,2024-02-20,10,17000,23000,0,40000',
    '0100000001,2024-02,2024-03-02,2024-03-20,10,27000,23000,0,50000',
    '0100000001,2024-03,2024-04-02,2024-04-20,10,37000,23000,0,60000',
    '0100000001,2024-04,2024-04-29,2024-05-20,10,22000,23000,0,45000',
    '0100000002,2024-01,2024-02-02,2024-02-20,5,7000,23000,0,30000',
    '0100000002,2024-02,2024-03-02,2024-03-20,5,7000,23000,0,30000',
    '0100000002,2024-03,2024-04-02,2024-04-20,5,7000,23000,0,30000',
    '0100000003,2024-01,2024-02-02,2024-02-20,30,77000,23000,0,100000',
    '0100000003,2024-02,2024-03-02,2024-03-20,30,77000,23000,0,100000',
    '0100000003,2024-03,2024-04-02,2024-05-05,30,77000,23000,0,100000',
    // rejected: an unknown customer (the raw line holds nothing personal, but the rule does not look)
    '0100000099,2024-01,2024-02-02,2024-02-20,10,18000,23000,0,41000',
  ]),
  'payments.csv': payments([
    'P1,LOKET,0100000001,2024-01,2024-02-15T10:00:00,40000,0,0',
    'P2,FASTPAY,0100000003,2024-01,2024-03-10T10:00:00,100000,5000,2500',
    'P3,FASTPAY,0100000001,2024-02,2024-04-25T10:00:00,20000,0,0',
    'P4,KOLEKTOR,0100000002,,2024-03-15T10:00:00,50000,0,0',
    'P5,LOKET,0100000003,2024-03,2024-04-10T10:00:00,60000,0,0',
  ]),
  'write_offs.csv': ['customer_id,period,written_off_on,amount,reason', '0100000002,2024-01,2024-03-31,30000,hapus buku'],
  'visits.csv': [
    'visit_id,team_id,collector_id,customer_id,visited_at,outcome,amount_collected,promise_date',
    'V1,T01,K01,0100000001,2024-03-05T09:00:00,not_home,0,',
    'V2,T02,K02,0100000002,2024-03-15T10:00:00,partial,50000,',
    'V3,T02,K02,0100000003,2024-03-20T10:00:00,promise_to_pay,0,2024-04-10',
    'V4,T02,K02,0100000002,2024-04-02T10:00:00,refused,0,',
  ],
};

/** Writes the small utility's files (or a variant of them) into the fixture and loads them (derived tables included). */
export async function loadSmallUtility(fx: Fixture, files: Record<string, readonly string[]> = SMALL_UTILITY): Promise<Warehouse> {
  const dir = join(fx.dir, 'files');
  mkdirSync(dir);
  for (const [name, lines] of Object.entries(files)) fx.file(join('files', name), lines);
  const wh = await fx.open();
  await loadPaths(wh, [dir]);
  return wh;
}
