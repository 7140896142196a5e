// The interface language: words looked up by their English text, plurals by the language's
// rules, numbers and dates in its style, <html lang>, and the language a first visit starts in.
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatNumber, getLocale, isPlainDigits, setLocale, t, tn } from '../../src/i18n';
import { preferredLocale } from '../../src/i18n/preference';

afterEach(() => setLocale('en'));

describe('t and tn', () => {
  it('give English as written, with slots filled and numbers grouped', async () => {
    await setLocale('en');
    expect(t('Send now')).toBe('Send now');
    expect(t('Sending {sent} of {total}', { sent: 1200, total: 5000 })).toBe('Sending 1,200 of 5,000');
    expect(tn(1, '{n} draft', '{n} drafts')).toBe('1 draft');
    expect(tn(0, '{n} draft', '{n} drafts')).toBe('0 drafts');
    expect(tn(2, 'One answer needs attention', '{n} answers need attention')).toBe('2 answers need attention');
  });

  it('give French with French plural rules (0 and 1 are singular) and French numbers', async () => {
    await setLocale('fr');
    expect(getLocale()).toBe('fr');
    expect(t('Send now')).toBe('Envoyer maintenant');
    expect(tn(0, '{n} draft', '{n} drafts')).toBe('0 brouillon');
    expect(tn(1, '{n} draft', '{n} drafts')).toBe('1 brouillon');
    expect(tn(1234, '{n} draft', '{n} drafts')).toBe('1\u202f234 brouillons');
    expect(t('Sending {sent} of {total}', { sent: 3, total: 12 })).toBe('Envoi\u00a0: 3 sur 12');
  });

  it('give Spanish, falling back to "other" for the plural categories a catalog leaves out', async () => {
    await setLocale('es');
    expect(tn(0, '{n} draft', '{n} drafts')).toBe('0 borradores');
    expect(tn(1, '{n} draft', '{n} drafts')).toBe('1 borrador');
    // Spanish has a "many" category for a million; the catalog's "other" serves.
    expect(tn(1_000_000, '{n} draft', '{n} drafts')).toMatch(/^1.000.000 borradores$/);
  });

  it('leave an unknown text in English and an unfilled slot as it is', async () => {
    await setLocale('fr');
    expect(t('Not in any catalog {x}')).toBe('Not in any catalog {x}');
  });
});

describe('formats', () => {
  it('write numbers and dates as each language does', async () => {
    await setLocale('en');
    expect(formatNumber(12345.5, { maximumFractionDigits: 2 })).toBe('12,345.5');
    expect(formatDate('2024-05-14T09:05:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('May 14, 2024');
    await setLocale('fr');
    expect(formatNumber(12345.5, { maximumFractionDigits: 2 })).toBe('12\u202f345,5');
    expect(formatDate('2024-05-14T09:05:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('14 mai 2024');
    await setLocale('es');
    expect(formatDate('2024-05-14T09:05:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('14 de mayo de 2024');
  });

  it('write whole numbers under 1000 as plain digits, exactly as every variant of the three languages would', () => {
    const variants = ['en', 'en-US', 'en-GB', 'en-IN', 'en-ZA', 'fr', 'fr-CA', 'fr-CH', 'fr-BE', 'es', 'es-ES', 'es-MX', 'es-AR', 'es-419'];
    const formats = variants.map((tag) => new Intl.NumberFormat(tag));
    for (let n = 0; n < 1000; n++) for (const format of formats) expect(format.format(n)).toBe(String(n));
    expect(isPlainDigits(999)).toBe(true);
    for (const n of [1000, -1, 2.5, Number.NaN]) expect(isPlainDigits(n)).toBe(false);
  });
});

describe('setLocale', () => {
  it('sets <html lang>, and the last switch wins when two overlap', async () => {
    await setLocale('es');
    expect(document.documentElement.lang).toBe('es');
    const slow = setLocale('fr');
    const fast = setLocale('en');
    await Promise.all([slow, fast]);
    expect(getLocale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('preferredLocale', () => {
  it.each<[string, Parameters<typeof preferredLocale>[0], string[], string]>([
    ['the saved choice first', 'es', ['fr-FR', 'en'], 'es'],
    ['else the first browser language we have', undefined, ['de-DE', 'fr-CA', 'es'], 'fr'],
    ['matching the language, not the region', undefined, ['ES-mx'], 'es'],
    ['else English', undefined, ['de', 'pt-BR'], 'en'],
    ['with no browser languages at all', undefined, [], 'en'],
  ])('takes %s', (_case, stored, languages, expected) => {
    expect(preferredLocale(stored, languages)).toBe(expected);
  });
});
