/**
 * The issued letters' tables in the state store (migration 010-letters). A batch is one issue of a
 * selection (kind, area, as-of month) on a day, with the letterhead and signer it was printed with; a
 * letter is one addressee with its number; its lines are the customers and amounts it lists.
 * `selection_key` is unique: the same selection issued twice the same day is refused.
 */
export const LETTERS_MIGRATION_SQL = `
  CREATE TABLE letter_batches (
    batch_id BIGINT PRIMARY KEY, selection_key VARCHAR NOT NULL UNIQUE,
    kind VARCHAR NOT NULL, area_code VARCHAR NOT NULL, as_of_month VARCHAR NOT NULL, issued_on DATE NOT NULL,
    issued_by VARCHAR NOT NULL, issued_at TIMESTAMP NOT NULL, header_json VARCHAR NOT NULL);
  CREATE TABLE letters (
    letter_id BIGINT PRIMARY KEY, batch_id BIGINT NOT NULL, number VARCHAR NOT NULL UNIQUE, sequence_value BIGINT NOT NULL,
    kind VARCHAR NOT NULL, issued_on DATE NOT NULL, as_of_month VARCHAR NOT NULL,
    kecamatan_code VARCHAR NOT NULL, desa_code VARCHAR, customer_id VARCHAR,
    recipient VARCHAR NOT NULL, recipient_place VARCHAR NOT NULL, deadline DATE,
    total_amount BIGINT NOT NULL, total_customers BIGINT NOT NULL);
  CREATE TABLE letter_lines (
    letter_id BIGINT NOT NULL, position INTEGER NOT NULL, customer_id VARCHAR NOT NULL, name VARCHAR NOT NULL, address VARCHAR NOT NULL,
    periods VARCHAR NOT NULL, opening BIGINT NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (letter_id, position));
  CREATE INDEX letter_lines_customer ON letter_lines (customer_id);`;
