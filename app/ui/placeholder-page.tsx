/**
 * A section that comes in a later release: it says so in both languages (the page's language first)
 * and shows no figures at all rather than made-up ones.
 */
import { t, useLang, type MessageKey } from '~/i18n';

export function PlaceholderPage({ title, about }: { title: MessageKey; about: MessageKey }) {
  const lang = useLang();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <section className="panel placeholder" aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{t(lang, title)}</h1>
      <p className="placeholder-about">{t(lang, about)}</p>
      <div className="placeholder-release">
        <p>
          <strong>{t(lang, 'placeholder.laterRelease')}</strong> {t(lang, 'placeholder.noFakeData')}
        </p>
        <p lang={other} className="muted">
          {t(other, 'placeholder.laterRelease')} {t(other, 'placeholder.noFakeData')}
        </p>
      </div>
    </section>
  );
}
