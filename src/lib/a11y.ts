/**
 * Marks a tappable View as a button for screen readers: `role` for the browser, `aria-role` for WeChat.
 * Spread it: <View {...asButton} onClick={…}>. Taro's typings do not declare these attributes.
 */
export const asButton = { role: 'button', 'aria-role': 'button' } as Record<string, string>
export const asLink = { role: 'link', 'aria-role': 'link' } as Record<string, string>
export const asSwitch = { role: 'switch', 'aria-role': 'switch' } as Record<string, string>
export const asTab = { role: 'tab', 'aria-role': 'tab' } as Record<string, string>
