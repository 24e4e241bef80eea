import { LANGS, useI18n } from '@/lib/i18n';

/** DKFDS language switcher: Danish first, English available. */
export function LanguageSwitcher() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="language-switcher">
      <div className="container">
        <ul aria-label={t('common.language')}>
          {LANGS.map((l) => (
            <li key={l}>
              <button type="button" className="function-link" lang={l} aria-current={l === lang ? 'true' : undefined} onClick={() => setLang(l)}>
                {t(`common.languageName.${l}`)}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
