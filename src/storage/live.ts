import { liveQuery } from 'dexie';

/** Runs a storage read now and again whenever the data it read changes (in any tab); returns a stop function. */
export function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void = console.error): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
