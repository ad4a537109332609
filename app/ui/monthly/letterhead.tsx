/** The kop of the directors' monthly report: the utility's logo, name and address from the letters' letterhead settings. */
import type { LetterSettings } from '~/lib/settings/letters.server';

export type Letterhead = Pick<LetterSettings, 'utility_name' | 'utility_address' | 'logo'>;

export function ReportLetterhead({ kop }: { kop: Letterhead }) {
  return (
    <header className="mr-kop">
      {kop.logo ? <img src={`/letterhead/${kop.logo}`} alt="" width={56} height={56} /> : null}
      <div>
        <p className="mr-utility">{kop.utility_name}</p>
        <p className="mr-address">{kop.utility_address}</p>
      </div>
    </header>
  );
}
