/**
 * H5: `aria-role` is WeChat's own attribute and not valid ARIA in a browser (axe: aria-valid-attr), so only `role`;
 * and a tappable View is reached by the keyboard too (tabIndex), which also gives Taro's scrolling page container
 * something focusable (axe: scrollable-region-focusable). Mini-program version in a11y.ts.
 */
export const asButton = { role: 'button', tabIndex: 0 } as Record<string, string | number>
export const asLink = { role: 'link', tabIndex: 0 } as Record<string, string | number>
export const asSwitch = { role: 'switch', tabIndex: 0 } as Record<string, string | number>
export const asTab = { role: 'tab', tabIndex: 0 } as Record<string, string | number>
