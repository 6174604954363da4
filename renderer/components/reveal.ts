// Scrolls one container so that an element inside it is centred; unlike scrollIntoView, no other ancestor moves,
// so the workspace frame never shifts.
export function revealIn(scroller: Element | null, element: Element | null | undefined): void {
  if (!scroller || !element) return;
  const box = scroller.getBoundingClientRect();
  const r = element.getBoundingClientRect();
  if (r.top < box.top || r.bottom > box.bottom) scroller.scrollTop += r.top - box.top - (box.height - r.height) / 2;
  if (r.left < box.left || r.right > box.right) scroller.scrollLeft += r.left - box.left - (box.width - r.width) / 2;
}
