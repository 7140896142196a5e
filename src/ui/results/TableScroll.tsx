import type { ComponentChildren } from 'preact';

/**
 * A wide table scrolls sideways inside its own box on a narrow screen (the page never does),
 * and the box takes keyboard focus so it can be scrolled without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
