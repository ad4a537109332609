/**
 * The print view of one issued batch (`/print/letters/:batch`): every letter of the batch, one A4 page
 * each, with the letterhead and signer it was issued with. Outside the app's layout so the printout
 * holds only the letters.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { monthEnd } from '../../etl/domain/period';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import type { LetterHeader } from '~/lib/letters/issue.server';
import { readLetterSettings } from '~/lib/settings/letters.server';
import { settingsStore } from '~/lib/settings.server';
import { batchWithLetters } from '~/lib/letters/store.server';
import { SEALING_ROLES } from '~/lib/tables/sealing.server';
import { Letter } from '~/ui/letters/letter';
import styles from '~/ui/letters/letter-print.css';
import { titled } from '~/ui/meta';
import { useT } from '~/i18n';

export const meta = titled('letters.title');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: SEALING_ROLES });
  const id = Number(params.batch);
  if (!Number.isSafeInteger(id) || id < 1) throw json({ batch: params.batch }, { status: 404 });
  const [found, settings] = await Promise.all([batchWithLetters(id), readLetterSettings(settingsStore())]);
  if (!found) throw json({ batch: id }, { status: 404 });
  const { batch, letters } = found;
  return json(
    { batch, header: batch.header as LetterHeader, letters, asOfDay: monthEnd(batch.as_of_month), minBills: (batch.header as Partial<LetterHeader>).min_bills ?? settings.sealing.min_bills },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function PrintLetters() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="letters-print" data-letters={data.letters.length}>
      <div className="letters-bar">
        <Link to="/letters">{t('letters.title')}</Link>
        <span>{t('letters.issued', { count: data.letters.length })}</span>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('letters.print')}
        </button>
      </div>
      {data.letters.map((l) => (
        <Letter key={l.letter_id} letter={l} header={data.header} asOfDay={data.asOfDay} minBills={data.minBills} />
      ))}
    </main>
  );
}
