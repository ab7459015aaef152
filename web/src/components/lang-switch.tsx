import { lang, langTag, setLang, t } from '../i18n/index.ts';

/** One button: shows the other language's name, in that language, and switches to it. */
export function LangSwitch() {
  const other = () => (lang() === 'zh' ? 'en' : 'zh');
  return (
    <button
      type="button"
      class="lang-switch"
      lang={langTag(other())}
      title={t('lang.switchToLabel')}
      aria-label={t('lang.switchToLabel')}
      data-testid="lang-switch"
      onClick={() => setLang(other())}
    >
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 6h-3a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8ZM12 4a14 14 0 0 1 1.9 4h-3.8A14 14 0 0 1 12 4ZM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3Zm.8 2h3a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16Zm3-8h-3a8 8 0 0 1 4.4-3.6A15.7 15.7 0 0 0 8.1 8ZM12 20a14 14 0 0 1-1.9-4h3.8A14 14 0 0 1 12 20Zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4Zm.2 5.6a15.7 15.7 0 0 0 1.4-3.6h3a8 8 0 0 1-4.4 3.6Zm1.8-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4Z" />
      </svg>
      <span>{t('lang.switchTo')}</span>
    </button>
  );
}
