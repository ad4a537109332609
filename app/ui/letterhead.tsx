/**
 * The kop surat of everything Kaba prints for the utility (letters, the directors' monthly report):
 * the logo, the utility's name and address from the letters' letterhead settings. Each document styles
 * it under its own prefix: `<prefix>-kop`, `<prefix>-utility`, `<prefix>-address`.
 */
import type { LetterSettings } from '~/lib/settings/letters.server';

export type Kop = Pick<LetterSettings, 'utility_name' | 'utility_address' | 'logo'>;

export function Letterhead({ kop, prefix }: { kop: Kop; prefix: string }) {
  return (
    <header className={`${prefix}-kop`}>
      {kop.logo ? <img src={`/letterhead/${kop.logo}`} alt="" width={64} height={64} /> : null}
      <div>
        <p className={`${prefix}-utility`}>{kop.utility_name}</p>
        <p className={`${prefix}-address`}>{kop.utility_address}</p>
      </div>
    </header>
  );
}
