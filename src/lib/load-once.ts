export interface LoadOnce<T> {
  /** The value, fetching it if no fetch is on its way; callers at the same time share one fetch. */
  get: () => Promise<T>
  /** The value once fetched, so a later draw shows it at once. */
  current: () => T | null
}

/**
 * Code fetched on demand (a sheet, a part of a page): once, however many draws ask, and again after a failure, so
 * a worker who had no signal the first time gets it on the next try.
 */
export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let value: T | null = null
  let loading: Promise<T> | null = null
  return {
    get: () =>
      (loading ??= load().then(
        (v) => (value = v),
        (e: unknown) => {
          loading = null
          throw e
        },
      )),
    current: () => value,
  }
}
