/**
 * H5: the class goes on <html> so everything the variables size follows, the tab bar and dialogs drawn
 * outside the pages included.
 */
export function applyElderRoot(on: boolean): void {
  if (typeof document === 'undefined') return
  document.documentElement.classList.toggle('elder', on)
  document.body?.classList.toggle('elder', on)
}
