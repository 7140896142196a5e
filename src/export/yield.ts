// Long device jobs (exports, imports) work in chunks and give the page a turn between them,
// so typing, scrolling and the progress indicator stay live.

/** Resolves on a later task: `scheduler.yield` where the browser has it (not throttled in the background), else a timer. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
