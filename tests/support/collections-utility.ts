/**
 * The small utility (small-utility.ts) with a collection history worked out by hand in
 * tests/integration/collections.test.ts: team T01 (Andi K01, Budi K02, base near Curup) and T02
 * (Citra K03), March–April 2024 visits and payments that follow them.
 *
 *   V1 K01 C1  5 Mar not_home          V4 K02 C3  8 Mar promise_to_pay for 9 Mar (paid 10 Mar: broken)
 *   V2 K01 C1  8 Mar promise for 15 Mar  V5 K03 C2  8 Mar refused (same day as V3: V3 has the lower id)
 *   V3 K02 C2  8 Mar partial 50,000     V6 K01 C1 20 Apr letter_delivered
 *
 *   payments: P2 C3 10 Mar 100,000 → V4 · P4 C2 15 Mar 50,000 → V3 (tie with V5) · P6 C1 15 Mar
 *   10,000 → V2 (V1 is also within 14 days: once, to the latest) · P7 C1 22 Mar 5,000 → V2 (14 days) ·
 *   P8 C1 23 Mar 5,000 → none (15 days) · P3 C1 25 Apr 20,000 → V6 · P5 C3 10 Apr 60,000 → none (33 days)
 */
import type { Warehouse } from '../../etl/warehouse/duckdb';
import type { Fixture } from './fixture';
import { payments } from './fixture';
import { loadSmallUtility, SMALL_UTILITY } from './small-utility';

export const COLLECTIONS_UTILITY: Record<string, readonly string[]> = {
  ...SMALL_UTILITY,
  'teams.csv': [
    'team_id,team_name,collector_id,collector_name,base_latitude,base_longitude',
    'T01,Tim Curup,K01,Andi,-3.46,102.53',
    'T01,Tim Curup,K02,Budi,-3.46,102.53',
    'T02,Tim Keliling,K03,Citra,-3.45,102.55',
  ],
  'payments.csv': payments([
    'P1,LOKET,0100000001,2024-01,2024-02-15T10:00:00,40000,0,0',
    'P2,FASTPAY,0100000003,2024-01,2024-03-10T10:00:00,100000,5000,2500',
    'P3,FASTPAY,0100000001,2024-02,2024-04-25T10:00:00,20000,0,0',
    'P4,KOLEKTOR,0100000002,,2024-03-15T10:00:00,50000,0,0',
    'P5,LOKET,0100000003,2024-03,2024-04-10T10:00:00,60000,0,0',
    'P6,LOKET,0100000001,,2024-03-15T10:00:00,10000,0,0',
    'P7,LOKET,0100000001,,2024-03-22T10:00:00,5000,0,0',
    'P8,LOKET,0100000001,,2024-03-23T10:00:00,5000,0,0',
  ]),
  'visits.csv': [
    'visit_id,team_id,collector_id,customer_id,visited_at,outcome,amount_collected,promise_date',
    'V1,T01,K01,0100000001,2024-03-05T09:00:00,not_home,,',
    'V2,T01,K01,0100000001,2024-03-08T09:00:00,promise_to_pay,0,2024-03-15',
    'V3,T01,K02,0100000002,2024-03-08T10:00:00,partial,50000,',
    'V4,T01,K02,0100000003,2024-03-08T11:00:00,promise_to_pay,,2024-03-09',
    'V5,T02,K03,0100000002,2024-03-08T15:00:00,refused,0,',
    'V6,T01,K01,0100000001,2024-04-20T09:00:00,letter_delivered,0,',
  ],
};

export function loadCollectionsUtility(fx: Fixture): Promise<Warehouse> {
  return loadSmallUtility(fx, COLLECTIONS_UTILITY);
}
