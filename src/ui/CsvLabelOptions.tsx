import { useId } from 'preact/hooks';
import { isLocale, LOCALES, type Locale } from '../forms/locale';
import { t } from '../i18n';
import { LANGUAGE_NAMES } from './language-names';

/** How a CSV names answers: codes, or labels in one of the three languages. */
export interface LabelChoice {
  labels: boolean;
  locale: Locale;
}

/** "Write labels instead of codes", and in which language: shared by the device's and the server's exports. */
export function CsvLabelOptions({ value, disabled, onChange }: { value: LabelChoice; disabled?: boolean; onChange: (next: LabelChoice) => void }) {
  const id = useId();
  return (
    <>
      <label class="option">
        <input type="checkbox" checked={value.labels} disabled={disabled} onChange={(e) => onChange({ ...value, labels: e.currentTarget.checked })} />
        {t('Write labels instead of codes')}
      </label>
      <span class="select-field">
        <label for={`${id}-lang`}>{t('Language of the labels')}</label>
        <select
          id={`${id}-lang`}
          value={value.locale}
          disabled={disabled || !value.labels}
          onChange={(e) => {
            const locale = e.currentTarget.value;
            if (isLocale(locale)) onChange({ ...value, locale });
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </span>
    </>
  );
}
