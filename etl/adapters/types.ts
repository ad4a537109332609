/**
 * A settlement adapter turns one channel-native file into canonical payment rows (the columns of
 * payments.csv, as text) plus per-line rejects. The loader then validates and loads the canonical rows
 * exactly like a payments.csv, so every rule about payments lives in one place.
 */

/** The canonical payment columns, as text, exactly as they would stand in payments.csv. */
export interface CanonicalPayment {
  payment_ref: string;
  channel_code: string;
  customer_id: string;
  /** `YYYY-MM`, or '' when the channel did not name a bill month */
  period: string;
  /** ISO 8601; local Asia/Jakarta time when it carries no offset */
  paid_at: string;
  /** whole rupiah, digits only */
  amount: string;
  penalty: string;
  admin_fee: string;
  /** Only `completed` rows are payments; the others are recorded but never applied to bills. */
  status: PaymentStatus;
}

export type PaymentStatus = 'completed' | 'refunded' | 'cancelled';

/** One data line of a native file: either a canonical payment or the reason it cannot be read. */
export type ParsedLine =
  | { line: number; raw: string; payment: CanonicalPayment }
  | { line: number; raw: string; reason: string };

export interface SettlementAdapter {
  /** Stored as the file's format, e.g. `bank-h2h`. */
  readonly format: string;
  /** One line for `--help` and the docs. */
  readonly description: string;
  /** True when the file looks like this format (name and first non-empty lines, BOM stripped). */
  detect(fileName: string, firstLines: readonly string[]): boolean;
  /**
   * Every data line of the file, in order, each exactly once (so rows read = loaded + rejected).
   * Throws FileRefusedError when the file as a whole is wrong (missing columns, trailer mismatch).
   */
  parse(text: string, fileName: string): ParsedLine[];
  /**
   * The inverse of parse, for the demo generator and round-trip tests. A field that is not a well
   * formed value (e.g. amount `-500` or paid_at `kemarin`) is written verbatim so that bad rows can
   * be produced on purpose; totals in headers/trailers count only the well formed amounts.
   */
  write(rows: readonly CanonicalPayment[], channelCode: string): string;
}

/** A file refused whole: nothing of it is loaded. The message names the problem in plain words. */
export class FileRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefusedError';
  }
}
