/**
 * Whether the phone itself asks for large text. H5 and tests: the browser scales text by its own setting, so no.
 * The mini-program reads WeChat's font-size setting (system-font.weapp.ts).
 */
export function systemPrefersLargeText(): boolean {
  return false
}
