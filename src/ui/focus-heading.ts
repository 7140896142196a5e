// Where focus goes when the screen changes: to the new screen's h1, so a screen reader starts
// reading there and the next Tab enters the new content. Screens load in steps (their code on
// first use, then their data), so the heading is awaited rather than looked for once.

/** How long a screen may take to show its heading before focus is left where it is. */
export const HEADING_WAIT_MS = 5_000;

/**
 * Focuses `main`'s h1 as soon as there is one, unless the screen focused a control of its own
 * first (autofocus). Returns a function that stops waiting.
 */
export function focusHeadingWhenShown(main: HTMLElement, waitMs = HEADING_WAIT_MS): () => void {
  const settle = (): boolean => {
    const active = document.activeElement;
    if (active && active !== main && main.contains(active)) return true;
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    heading.tabIndex = -1;
    heading.focus();
    return true;
  };
  if (settle()) return () => {};
  const observer = new MutationObserver(() => settle() && stop());
  const timer = setTimeout(() => stop(), waitMs);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
