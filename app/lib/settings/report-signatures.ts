/** The reports' signature boxes as the Data page's form and the settings file both see them (safe for the browser). */

export interface SignatureBox {
  /** `Dibuat oleh`; a box without a label is not printed */
  label: string;
  position: string;
  name: string;
  /** NIP or NIK; '' for none */
  id: string;
}

export const MAX_SIGNATURES = 4;
export const MAX_SIGNATURE_TEXT = 80;
export const SIGNATURE_FIELDS = ['label', 'position', 'name', 'id'] as const satisfies readonly (keyof SignatureBox)[];

/** The form's field name of box i (from 0) and field f: `sig2_name`. */
export const signatureField = (i: number, f: (typeof SIGNATURE_FIELDS)[number]) => `sig${i + 1}_${f}`;
