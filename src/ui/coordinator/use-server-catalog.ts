// The server's forms as the coordinator's screen sees them: the summary of every form (shared by
// the form picker and the Forms section), and the definition of the one picked, from this
// device when it holds that version, else from the server.
import { useEffect, useState } from 'preact/hooks';
import { findForm } from '../../forms';
import type { FormLanguage } from '../../forms/localize';
import type { Form, Locale } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { ServerRequestError } from '../../results/remote';
import { fetchFormSummaries, fetchFormVersion } from '../../sync/forms-admin';
import type { FormSummary } from '../../sync/forms-api';
import { currentEndpoint } from '../../sync/device-sync';

/** Whether a failure means the server refused the coordinator token (the screen then signs out). */
export const isRefusal = (e: unknown): e is ServerRequestError => e instanceof ServerRequestError && (e.status === 401 || e.status === 403);
/** A failure's sentence for the coordinator. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The highest version a form has published. */
export const latestVersionOf = (summary: FormSummary): number => Math.max(0, ...summary.versions.map((v) => v.version));

/**
 * A form's title in the language in use: a published form's from its own texts, or, while it
 * keeps a built-in form's English title (a new version of a built-in form), from the app's packs.
 */
export function summaryTitle(summary: FormSummary, locale: Locale, language: FormLanguage | undefined): string {
  const known = findForm(summary.id);
  const sameTitle = known !== undefined && JSON.stringify(known.title) === JSON.stringify(summary.title);
  return textIn(sameTitle && language ? language.translate(known).title : summary.title, locale);
}

/** The server's summary of every form; `refresh` asks again (after a publication or a state change). */
export interface ServerCatalog {
  forms: FormSummary[] | undefined;
  failure: string | undefined;
  busy: boolean;
  refresh: () => void;
}

/** Loads the summary of every form on the server; a refused token calls `onRefused`. */
export function useServerCatalog(onRefused: (reason: string) => void): ServerCatalog {
  const [forms, setForms] = useState<FormSummary[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [asked, setAsked] = useState(0);
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    let live = true;
    setBusy(true);
    currentEndpoint()
      .then(fetchFormSummaries)
      .then(
        (found) => {
          if (!live) return;
          setForms(found);
          setFailure(undefined);
        },
        (e: unknown) => {
          if (!live) return;
          if (isRefusal(e)) onRefused(e.message);
          else setFailure(messageOf(e));
        },
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [asked]);
  return { forms, failure, busy, refresh: () => setAsked((n) => n + 1) };
}

// Published versions never change: one fetch per version for the page's life.
const fetched = new Map<string, Promise<Form>>();

function serverVersion(formId: string, version: number): Promise<Form> {
  const key = `${formId}@${version}`;
  let found = fetched.get(key);
  if (!found) {
    found = currentEndpoint().then((endpoint) => fetchFormVersion(endpoint, formId, version));
    // A failure is asked again next time.
    found.catch(() => fetched.delete(key));
    fetched.set(key, found);
  }
  return found;
}

/**
 * The latest version of the picked form, translated where the app has its words: undefined
 * while it loads, null when the server has no such form, or the failure's sentence.
 */
export function useServerForm(formId: string | undefined, forms: FormSummary[] | undefined, language: FormLanguage | undefined, onRefused: (reason: string) => void): Form | null | undefined | { failure: string } {
  const summary = formId === undefined ? undefined : forms?.find((f) => f.id === formId);
  const version = summary ? latestVersionOf(summary) : undefined;
  const known = formId !== undefined && version !== undefined ? findForm(formId, version) : undefined;
  const [loaded, setLoaded] = useState<{ key: string; form: Form } | { key: string; failure: string } | undefined>();
  const key = `${formId}@${version}`;
  useEffect(() => {
    if (formId === undefined || version === undefined || known) return;
    let live = true;
    serverVersion(formId, version).then(
      (form) => live && setLoaded({ key, form }),
      (e: unknown) => {
        if (!live) return;
        if (isRefusal(e)) onRefused(e.message);
        else setLoaded({ key, failure: messageOf(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, known]);
  if (formId === undefined) return null;
  if (!forms) return undefined;
  if (!summary) return null;
  const form = known ?? (loaded?.key === key && 'form' in loaded ? loaded.form : undefined);
  if (form) return language ? language.translate(form) : undefined;
  if (loaded?.key === key && 'failure' in loaded) return { failure: loaded.failure };
  return undefined;
}
