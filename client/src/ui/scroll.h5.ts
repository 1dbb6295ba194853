/**
 * Earlier pages of the stack stay in the DOM, hidden: look only inside the page on screen, and
 * scroll that element itself (Taro's pageScrollTo measures offsetTop against the wrong parent).
 */
export function scrollToFirstError(): void {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none');
  const root: ParentNode = pages[pages.length - 1] ?? document;
  const first = root.querySelector<HTMLElement>('.has-error');
  if (!first) return;
  // To its top (below the sticky back / home bar, see .has-error's scroll-margin): label and message first.
  first.scrollIntoView?.({ block: 'start' });
  first.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
}
