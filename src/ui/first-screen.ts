// What the first screen does not need waits until it is shown: Dexie, live queries, the sync
// engine, the service worker's registration. They all run on the page's one main thread, and
// started together with the first screen they held an offline start back by hundreds of ms.

/** A first screen that never says it is shown (an error on the way) holds nothing back longer than this. */
export const FIRST_SCREEN_TIMEOUT_MS = 1500;

let show: () => void = () => {};

/** Resolves once the first screen has drawn its content (or could not), at the latest after the timeout. */
export const firstScreenShown = new Promise<void>((resolve) => {
  show = resolve;
  setTimeout(resolve, FIRST_SCREEN_TIMEOUT_MS);
});

/** Called by the first screen once its content is drawn; later calls do nothing. */
export function markFirstScreenShown(): void {
  show();
}

/** Runs `work` once the first screen is shown, and after the frame that shows it. */
export function afterFirstScreen<T>(work: () => T | Promise<T>): Promise<T> {
  return firstScreenShown.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0))).then(work);
}
