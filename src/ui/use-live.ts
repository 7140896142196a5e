import { useLayoutEffect, useState } from 'preact/hooks';
import { watch } from '../storage/live';

/** A storage read kept current as the data changes; undefined until the first answer. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // A layout effect starts the read right after render, not a frame later: home opens on these reads.
  useLayoutEffect(() => watch(query, setValue), deps);
  return value;
}
