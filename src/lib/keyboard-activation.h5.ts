/**
 * H5: tappable Views carry role=button/link/switch and tabIndex (lib/a11y), so a keyboard or switch-access
 * user can reach them; a browser only presses real buttons on Enter and Space, so this does it for the
 * rest: Enter or Space on a focused element with such a role clicks it, as on a <button>.
 */
const roles = new Set(['button', 'link', 'switch', 'tab', 'checkbox', 'radio', 'menuitem'])
const native = new Set(['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT'])

export function activatesOnKey(event: Pick<KeyboardEvent, 'key' | 'target' | 'altKey' | 'ctrlKey' | 'metaKey' | 'repeat'>): HTMLElement | null {
  if (event.key !== 'Enter' && event.key !== ' ') return null
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return null
  const target = event.target as HTMLElement | null
  if (!target || typeof target.getAttribute !== 'function' || native.has(target.tagName)) return null
  if (target.isContentEditable) return null
  const role = target.getAttribute('role')
  if (!role || !roles.has(role) || target.getAttribute('aria-disabled') === 'true') return null
  // Links open on Enter only, as in a browser.
  if (role === 'link' && event.key !== 'Enter') return null
  return target
}

let enabled = false

export function enableKeyboardActivation(): void {
  if (enabled || typeof document === 'undefined') return
  enabled = true
  document.addEventListener('keydown', (event) => {
    const target = activatesOnKey(event)
    if (!target) return
    // Space would otherwise scroll the page.
    event.preventDefault()
    target.click()
  })
}
