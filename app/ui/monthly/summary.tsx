/** The month in a few generated sentences (app/lib/overview/summary-sentences.ts). */
import type { Translate } from '~/i18n';
import type { SummarySentence } from '~/lib/overview/summary-sentences';

export function MonthSummary({ sentences, t }: { sentences: readonly SummarySentence[]; t: Translate }) {
  return (
    <section className="mr-summary" aria-labelledby="mr-summary">
      <h2 id="mr-summary">{t('monthly.summary')}</h2>
      <ul>
        {sentences.map((s) => (
          <li key={s.topic} data-sentence={s.topic}>
            {s.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
