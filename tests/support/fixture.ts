/** A throwaway folder of data files and a warehouse beside it, for tests that load real files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { openWarehouseForLoad } from '../../etl/warehouse/open';

export interface Fixture {
  dir: string;
  warehousePath: string;
  /** writes a file (lines joined with \n) and returns its path */
  file(name: string, lines: readonly string[]): string;
  open(): Promise<Warehouse>;
  cleanup(): void;
}

export function fixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'kaba-test-'));
  return {
    dir,
    warehousePath: join(dir, 'warehouse.duckdb'),
    file(name, lines) {
      const path = join(dir, name);
      writeFileSync(path, lines.join('\n') + '\n');
      return path;
    },
    open() {
      return openWarehouseForLoad(join(dir, 'warehouse.duckdb'));
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file's beforeAll: a fixture with `load` run on it, the warehouse handed to `use`. Resolves
 * to the teardown (vitest runs what beforeAll returns after the file's tests): the warehouse closed and
 * the folder removed.
 */
export async function loadedOnce(load: (fx: Fixture) => Promise<Warehouse>, use: (wh: Warehouse) => void): Promise<() => void> {
  const fx = fixture();
  try {
    const wh = await load(fx);
    use(wh);
    return () => {
      wh.close();
      fx.cleanup();
    };
  } catch (error) {
    fx.cleanup();
    throw error;
  }
}

/** The three customers of BASE_FILES, which the small, channel and collections utilities keep. */
export const C1 = '0100000001';
export const C2 = '0100000002';
export const C3 = '0100000003';

/** A small utility: two desa, two channels, three customers. */
export const BASE_FILES = {
  'areas.csv': [
    'desa_code,desa_name,desa_type,kecamatan_code,kecamatan_name,latitude,longitude',
    '17.02.09.1001,Talang Rimbo Lama,kelurahan,17.02.09,Curup,-3.47,102.52',
    '17.02.17.2001,Kampung Delima,desa,17.02.17,Curup Timur,-3.45,102.55',
  ],
  'channels.csv': [
    'channel_code,channel_name,online,category,fee_per_txn,launched_on',
    'LOKET,Loket PDAM,false,counter,0,2000-01-01',
    'FASTPAY,Fastpay,true,ppob,1500,2013-01-01',
    'KOLEKTOR,Tim Penagihan,false,collector,0,2022-12-01',
  ],
  'customers.csv': [
    'customer_id,name,address,desa_code,tariff_class,status,connected_on,latitude,longitude,phone',
    '0100000001,Budi Santoso,"Jl. Merdeka 1, Curup",17.02.09.1001,R2,active,2010-01-01,-3.47,102.52,0811',
    '0100000002,Siti Aminah,Jl. Sudirman,17.02.17.2001,R2,sealed,2010-01-01,,,',
    '0100000003,Ahmad,Jl. Kenanga,17.02.17.2001,N1,active,2015-05-01,,,',
  ],
} as const;

export function bills(rows: readonly string[]): string[] {
  return ['customer_id,period,issued_on,due_on,usage_m3,water_charge,fixed_charge,other_charge,total_amount', ...rows];
}

export function payments(rows: readonly string[]): string[] {
  return ['payment_ref,channel_code,customer_id,period,paid_at,amount,penalty,admin_fee', ...rows];
}
