/**
 * The warehouse tables. Source tables hold what the files said, typed, with the file and line each
 * row came from; derived tables (etl/derive) are rebuilt from them after every load. Keys are kept by
 * the loader (DuckDB's index maintenance would slow bulk loads and updates far more than it helps).
 * Money is BIGINT whole rupiah; calendar days are DATE (Asia/Jakarta); paid_at is Jakarta wall clock.
 */
import type { Warehouse } from './duckdb';

export const SCHEMA_SQL = `
CREATE SEQUENCE IF NOT EXISTS file_id_seq;
CREATE SEQUENCE IF NOT EXISTS row_id_seq;

CREATE TABLE IF NOT EXISTS load_files (
  file_id BIGINT NOT NULL,
  file_name VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  rows_replaced BIGINT NOT NULL,
  amount_loaded BIGINT NOT NULL,
  seconds DOUBLE NOT NULL
);

CREATE TABLE IF NOT EXISTS refused_files (
  file_name VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  refused_at TIMESTAMP NOT NULL,
  reason VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS rejects (
  file_id BIGINT NOT NULL,
  file_name VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  raw VARCHAR NOT NULL,
  reason VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS areas (
  desa_code VARCHAR NOT NULL, desa_name VARCHAR NOT NULL, desa_type VARCHAR NOT NULL,
  kecamatan_code VARCHAR NOT NULL, kecamatan_name VARCHAR NOT NULL,
  latitude DOUBLE, longitude DOUBLE,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS customers (
  customer_id VARCHAR NOT NULL, name VARCHAR NOT NULL, address VARCHAR NOT NULL, desa_code VARCHAR NOT NULL,
  tariff_class VARCHAR NOT NULL, status VARCHAR NOT NULL, connected_on DATE,
  latitude DOUBLE, longitude DOUBLE, phone VARCHAR,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS channels (
  channel_code VARCHAR NOT NULL, channel_name VARCHAR NOT NULL, online BOOLEAN NOT NULL, category VARCHAR NOT NULL,
  fee_per_txn BIGINT NOT NULL, launched_on DATE,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS bills (
  bill_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, period VARCHAR NOT NULL,
  issued_on DATE NOT NULL, due_on DATE NOT NULL, usage_m3 DECIMAL(12,2) NOT NULL,
  water_charge BIGINT NOT NULL, fixed_charge BIGINT NOT NULL, other_charge BIGINT NOT NULL, total_amount BIGINT NOT NULL,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS payments (
  payment_id BIGINT NOT NULL, payment_ref VARCHAR NOT NULL, channel_code VARCHAR NOT NULL, customer_id VARCHAR NOT NULL,
  period VARCHAR, paid_at TIMESTAMP NOT NULL, paid_on DATE NOT NULL,
  amount BIGINT NOT NULL, penalty BIGINT NOT NULL, admin_fee BIGINT NOT NULL, status VARCHAR NOT NULL,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS opening_balances (
  customer_id VARCHAR NOT NULL, as_of DATE NOT NULL, amount BIGINT NOT NULL, oldest_period VARCHAR NOT NULL,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS write_offs (
  write_off_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, period VARCHAR, written_off_on DATE NOT NULL,
  amount BIGINT NOT NULL, reason VARCHAR NOT NULL,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS teams (
  team_id VARCHAR NOT NULL, team_name VARCHAR NOT NULL, collector_id VARCHAR NOT NULL, collector_name VARCHAR NOT NULL,
  base_latitude DOUBLE, base_longitude DOUBLE,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS visits (
  visit_id VARCHAR NOT NULL, team_id VARCHAR NOT NULL, collector_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL,
  visited_at TIMESTAMP NOT NULL, outcome VARCHAR NOT NULL, amount_collected BIGINT NOT NULL, promise_date DATE,
  file_id BIGINT NOT NULL, line BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS warehouse_meta (key VARCHAR NOT NULL, value VARCHAR NOT NULL);
`;

export async function ensureSchema(wh: Warehouse): Promise<void> {
  await wh.run(SCHEMA_SQL);
}
