/** The mini-program's pages are in its package on the phone: nothing to keep (see offline-pages.h5.ts). */
export function keepPagesOffline(): void {}
