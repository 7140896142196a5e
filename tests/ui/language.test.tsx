// The language picker: the whole app re-renders in the chosen language, an open form keeps its
// answers, validation speaks the new language, and the response records the language it was
// finished in.
import { clickWhenEnabled } from '../helpers/fill-form';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n';
import { getLocale as getStoredLocale } from '../../src/storage/settings';
import { listSubmissions } from '../../src/storage/submissions';
import { App } from '../../src/ui/App';
import { resetStorage } from '../helpers/reset-storage';

beforeEach(async () => {
  await resetStorage();
  history.replaceState(null, '', '/#/');
});
afterEach(() => setLocale('en'));

it('switches mid-form, keeps the answers, and records the new language at finalize', async () => {
  render(<App />);
  await clickWhenEnabled('New response: Gender Focal Point constraints survey');
  await screen.findByRole('heading', { level: 1, name: 'Gender Focal Point constraints survey' });
  fireEvent.input(screen.getByLabelText('Mission or office'), { target: { value: 'OIM Dakar' } });

  fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'es' } });
  await screen.findByRole('heading', { level: 1, name: 'Encuesta sobre las limitaciones que encuentran los puntos focales de género' });
  expect(document.documentElement.lang).toBe('es');
  expect(screen.getByLabelText('Misión u oficina')).toHaveProperty('value', 'OIM Dakar');
  await waitFor(async () => expect(await getStoredLocale()).toBe('es'));

  fireEvent.click(screen.getByRole('button', { name: 'Finalizar' }));
  const summary = await screen.findByRole('alert');
  expect(within(summary).getByRole('heading', { level: 2 }).textContent).toMatch(/requiere|requieren/);
  expect(document.getElementById('q-sex-error')?.textContent).toBe('Responda a esta pregunta.');

  fireEvent.click(within(screen.getByRole('group', { name: 'Sexo' })).getByRole('radio', { name: 'Mujer' }));
  await waitFor(() => expect(document.getElementById('q-sex-error')).toBeNull());
  fireEvent.click(screen.getByRole('button', { name: 'Finalizar' }));
  await screen.findByRole('heading', { level: 1, name: 'Respuesta guardada' });
  const [stored] = await listSubmissions('gfp-constraints', { offset: 0, limit: 1 });
  expect(stored?.status).toBe('queued');
  expect(stored?.meta.locale).toBe('es');
  expect(stored?.answers).toMatchObject({ mission: 'OIM Dakar', sex: 'female' });
});
