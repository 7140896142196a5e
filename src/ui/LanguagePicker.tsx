import { isLocale, LOCALES } from '../forms/locale';
import { t, useLocale } from '../i18n';
import { chooseLocale } from '../i18n/preference';
import { LANGUAGE_NAMES } from './language-names';

/** The interface language, switchable at any moment (mid-form too: answers are kept, the form re-renders). */
export function LanguagePicker() {
  const locale = useLocale();
  return (
    <div class="language-picker">
      <label for="language">{t('Language')}</label>
      <select
        id="language"
        value={locale}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isLocale(value)) void chooseLocale(value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
