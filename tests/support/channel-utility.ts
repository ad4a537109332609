/**
 * A small utility for the payment-channel pages, every figure worked out by hand in
 * tests/integration/channels.test.ts. Three known customers (C1 in Curup, C2 and C3 in Curup Timur),
 * bills 2024-01 (issued 2 Feb, due 20 Feb) and 2024-02 (issued 2 Mar, due 20 Mar):
 *   C1 40,000 / 50,000   C2 30,000 / 30,000   C3 100,000 / 100,000
 *
 *   line  ref  channel   customer  period   paid        amount   what happens
 *   2     P0   LOKET     C3        —        2023-12-10    5,000  credit (no bill yet)
 *   3     P1   LOKET     C1        2024-01  2024-02-20   40,000  applied, on time on the due day itself (18 days)
 *   4     P2   FASTPAY   C2        2024-01  2024-02-25   30,000  applied, late (23 days), admin fee 2,500
 *   5     P3   FASTPAY   C3        2024-01  2024-02-10  100,000  applied, on time (8 days), admin fee 2,500
 *   6     P4   LOKET     C2        2024-01  2024-02-27   30,000  duplicate across channels (FASTPAY paid it), late (25 days)
 *   7     P5   KOLEKTOR  C3        —        2024-02-15   20,000  credit: no period, nothing open
 *   8     P6   FASTPAY   C99       2024-01  2024-02-12   15,000  unmatched: an unknown customer
 *   9     P7   KOLEKTOR  C2        2024-02  2024-03-16   30,000  applied, on time (14 days)
 *   10    P9   FASTPAY   C2        —        2024-05-10    5,000  credit
 *   shopee.csv (SHOPEE, launched 2024-03-01):
 *   2     S1   SHOPEE    C1        2024-02  2024-03-05   60,000  50,000 applied + 10,000 credit, on time (3 days), fee 2,000
 *   3     S2   SHOPEE    C3        2024-02  2024-03-06  100,000  REFUNDED
 *   4     S3   SHOPEE    C3        2024-02  2024-03-07  100,000  applied, on time (5 days), fee 2,000
 *   visits: V1 K02 at C2 on 15 Mar, 30,000 (P7 deposits it the next day); V2 K01 at C1 on 4 Mar, 25,000 (never deposited)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPaths } from '../../etl/load/load-paths';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { BASE_FILES, bills, payments, type Fixture } from './fixture';

export const CHANNEL_UTILITY: Record<string, readonly string[]> = {
  ...BASE_FILES,
  'channels.csv': [...BASE_FILES['channels.csv'], 'SHOPEE,Shopee,true,marketplace,2000,2024-03-01'],
  'teams.csv': [
    'team_id,team_name,collector_id,collector_name,base_latitude,base_longitude',
    'T01,Tim Curup,K01,Andi,,',
    'T02,Tim Curup Timur,K02,Bayu,,',
  ],
  'bills.csv': bills([
    '0100000001,2024-01,2024-02-02,2024-02-20,10,17000,23000,0,40000',
    '0100000001,2024-02,2024-03-02,2024-03-20,10,27000,23000,0,50000',
    '0100000002,2024-01,2024-02-02,2024-02-20,5,7000,23000,0,30000',
    '0100000002,2024-02,2024-03-02,2024-03-20,5,7000,23000,0,30000',
    '0100000003,2024-01,2024-02-02,2024-02-20,30,77000,23000,0,100000',
    '0100000003,2024-02,2024-03-02,2024-03-20,30,77000,23000,0,100000',
  ]),
  'payments.csv': payments([
    'P0,LOKET,0100000003,,2023-12-10T10:00:00,5000,0,0',
    'P1,LOKET,0100000001,2024-01,2024-02-20T10:00:00,40000,0,0',
    'P2,FASTPAY,0100000002,2024-01,2024-02-25T10:00:00,30000,0,2500',
    'P3,FASTPAY,0100000003,2024-01,2024-02-10T10:00:00,100000,0,2500',
    'P4,LOKET,0100000002,2024-01,2024-02-27T10:00:00,30000,0,0',
    'P5,KOLEKTOR,0100000003,,2024-02-15T10:00:00,20000,0,0',
    'P6,FASTPAY,0100000099,2024-01,2024-02-12T10:00:00,15000,0,0',
    'P7,KOLEKTOR,0100000002,2024-02,2024-03-16T10:00:00,30000,0,0',
    'P9,FASTPAY,0100000002,,2024-05-10T10:00:00,5000,0,0',
  ]),
  'shopee.csv': [
    'order_id,order_time,channel,customer_number,customer_name,bill_period,bill_amount,penalty,admin_fee,total_paid,status',
    'S1,2024-03-05T08:00:00+07:00,SHOPEE,0100000001,Budi,2024-02,60000,0,2000,62000,COMPLETED',
    'S2,2024-03-06T08:00:00+07:00,SHOPEE,0100000003,Ahmad,2024-02,100000,0,2000,102000,REFUNDED',
    'S3,2024-03-07T08:00:00+07:00,SHOPEE,0100000003,Ahmad,2024-02,100000,0,2000,102000,COMPLETED',
  ],
  'visits.csv': [
    'visit_id,team_id,collector_id,customer_id,visited_at,outcome,amount_collected,promise_date',
    'V1,T02,K02,0100000002,2024-03-15T10:00:00,partial,30000,',
    'V2,T01,K01,0100000001,2024-03-04T10:00:00,paid,25000,',
  ],
};

export async function loadChannelUtility(fx: Fixture): Promise<Warehouse> {
  const dir = join(fx.dir, 'files');
  mkdirSync(dir);
  for (const [name, lines] of Object.entries(CHANNEL_UTILITY)) fx.file(join('files', name), lines);
  const wh = await fx.open();
  await loadPaths(wh, [dir]);
  return wh;
}
