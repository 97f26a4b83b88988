/**
 * The mini-program: a sheet sits on a tab page, where WeChat's back leaves the app and cannot be held back; the dimmed
 * part and the ✕ close it (close-on-back.h5.ts does the browser's back).
 */
export function useCloseOnBack(_open: boolean, _onClose: () => void): void {}
