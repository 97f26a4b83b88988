/** The mini-program's pages are on the phone already: nothing to watch (see page-load-failure.h5.ts). */
export function watchPageLoadFailures(): void {}

export const pageChangeUndoneEvent = 'wgt.page.change-undone'
