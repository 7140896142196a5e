// WARNING: part of the first load: the app shell asks this before it draws any screen.
import { useEffect, useState } from 'preact/hooks';
import { getActiveWorkshop, onWorkshopChange, workshopMirror, type WorkshopRun } from '../../storage/workshop';

/**
 * The running workshop, null when workshop mode is off, undefined until that is known (no
 * screen may be drawn before). Known at once when the mirror says "off"; read from storage
 * otherwise, and followed as any tab changes it.
 */
export function useWorkshopLock(): WorkshopRun | null | undefined {
  const [run, setRun] = useState<WorkshopRun | null | undefined>(() => (workshopMirror() === false ? null : undefined));
  useEffect(() => {
    let live = true;
    let reads = 0;
    const read = () => {
      const ticket = ++reads;
      // A storage that cannot be read leaves an unknown state unknown: the shell reports the failure.
      getActiveWorkshop().then(
        (active) => live && ticket === reads && setRun(active ?? null),
        () => undefined,
      );
    };
    // A change is told with its new state: the screen follows it before the caller moves on.
    const stop = onWorkshopChange((active) => {
      ++reads;
      if (live) setRun(active ?? null);
    });
    read();
    return () => {
      live = false;
      stop();
    };
  }, []);
  return run;
}
