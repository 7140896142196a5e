// Language keys from XLSForm headers, and which languages are laid out right to left.
import { describe, expect, it } from 'vitest';
import { isRightToLeft, languageKey } from '../../../src/forms/xlsform';

describe('languageKey', () => {
  it.each([
    ['English (en)', 'en'],
    ['Français (fr)', 'fr'],
    ['English(en)', 'en'],
    ['Arabic (ar)', 'ar'],
    ['Portuguese (pt-BR)', 'pt-BR'],
    ['english', 'en'],
    ['Español', 'es'],
    ['العربية', 'ar'],
    ['Kiswahili', 'sw'],
    ['EN', 'en'],
    ['fr', 'fr'],
    ['Mooré', 'Mooré'],
  ])('%s → %s', (written, key) => expect(languageKey(written)).toBe(key));
});

describe('isRightToLeft', () => {
  it.each([
    ['ar', true],
    ['he', true],
    ['fa', true],
    ['ur', true],
    ['ps', true],
    ['ar-SA', true],
    ['ܣܘܪܝܝܐ', true],
    ['en', false],
    ['sw', false],
    ['Mooré', false],
  ])('%s: %s', (key, rtl) => expect(isRightToLeft(key)).toBe(rtl));
});
