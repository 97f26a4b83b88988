import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import type { Endpoint, RequestOf, ResponseOf } from '@contract'
import { ApiError } from './api-error'
import { buildPath, buildQuery, readResponse, request, requestRead } from './client'
import { takeFirstRead } from './first-reads'
import { readSaved, saveRead } from './read-cache'

type AnyEndpoint = Endpoint

export interface ApiState<T> {
  data: T | undefined
  error: ApiError | null
  /** True until the first answer (or failure) arrives. */
  loading: boolean
  /** Fetch again, keeping the current data on screen meanwhile. */
  refresh: () => Promise<void>
  /** Set when `data` is the copy saved on the device (the network is missing): when it was saved. */
  savedAt: string | null
}

export interface ReadOptions {
  enabled?: boolean
  /**
   * Keep the last good answer on the device under this name and show it, with its `savedAt`, when the
   * network is missing. Only for reads worth having offline; a name per read (and no personal data across accounts:
   * those names are cleared at sign-out).
   */
  cache?: string
}

/**
 * An answer is put on screen as a transition: React then draws a page of cards in slices a cheap phone can interrupt
 * between (a tap, a scroll) instead of one long task. All of one answer's state goes in one transition, so no
 * in-between screen (loading over, list still empty) is ever drawn.
 */
const show = startTransition

/**
 * The answer the server wrote into the page for this read (a tab's first screen), parsed as a fetched one would be;
 * undefined when there is none. Public reads only: the server answers them without knowing who asks.
 */
function firstRead<E extends AnyEndpoint>(endpoint: E, req: RequestOf<E>): ResponseOf<E> | undefined {
  if (endpoint.method !== 'GET' || endpoint.access !== 'public') return undefined
  const r = req as { params?: Record<string, unknown>; query?: Record<string, unknown> }
  const body = takeFirstRead(buildPath(endpoint.path, r.params) + buildQuery(r.query))
  if (body === undefined) return undefined
  try {
    return readResponse(endpoint, { status: 200, body })
  } catch {
    return undefined
  }
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('BAD_RESPONSE')
}

/**
 * A read kept for offline use, failing for want of signal with no copy yet: the page says that, not only "network",
 * so the person knows opening it once with signal is what makes it work out here.
 */
function noSavedCopy(err: ApiError): ApiError {
  if (err.code === 'NETWORK') return new ApiError('NETWORK', '没有网络，这一页还没有保存过，连上网后再打开')
  if (err.code === 'TIMEOUT') return new ApiError('TIMEOUT', '网络太慢，这一页还没有保存过，网络好些时再打开')
  return err
}

/** Reads one endpoint for a page; refetches when the request changes. */
export function useApi<E extends AnyEndpoint>(
  endpoint: E,
  req: RequestOf<E> = {} as RequestOf<E>,
  options: ReadOptions = {},
): ApiState<ResponseOf<E>> {
  const enabled = options.enabled ?? true
  const cache = options.cache
  const key = JSON.stringify(req)
  // The page's first answer when the server wrote it into the page: drawn at once, and not asked for again.
  const [embedded] = useState(() => (enabled ? firstRead(endpoint, req) : undefined))
  const [data, setData] = useState<ResponseOf<E> | undefined>(embedded)
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(enabled && embedded === undefined)
  // Only the newest request may write state: a slow old answer must not overwrite a new one.
  const generation = useRef(0)
  const freshOnScreen = useRef(false)
  const skipFirstLoad = useRef(embedded !== undefined)

  const load = useCallback(async () => {
    const mine = ++generation.current
    // No network: the saved copy is shown at the first failed try, not after every retry has waited (2.4 s).
    const showSavedEarly = () => {
      const saved = cache && mine === generation.current && !freshOnScreen.current ? readSaved<ResponseOf<E>>(cache) : null
      if (saved)
        show(() => {
          setData(saved.data)
          setSavedAt(saved.savedAt)
          setLoading(false)
        })
    }
    try {
      // A read kept on the device sends its copy's ETag: a 304 means the copy is the answer (nothing sent again).
      const kept = cache ? readSaved<ResponseOf<E>>(cache) : null
      const answer = await requestRead(endpoint, JSON.parse(key) as RequestOf<E>, { onRetry: showSavedEarly, etag: kept?.etag })
      if (mine !== generation.current) return
      const result = answer.same ? kept!.data : answer.data
      freshOnScreen.current = true
      show(() => {
        setData(result)
        setSavedAt(null)
        setError(null)
        setLoading(false)
      })
      if (cache) saveRead(cache, result, new Date(), answer.same ? kept!.etag : answer.etag)
    } catch (e) {
      if (mine !== generation.current) return
      const err = asApiError(e)
      const saved = cache && err.transient ? readSaved<ResponseOf<E>>(cache) : null
      show(() => {
        if (saved) {
          setData(saved.data)
          setSavedAt(saved.savedAt)
          setError(null)
        } else setError(cache ? noSavedCopy(err) : err)
        setLoading(false)
      })
    }
  }, [endpoint, key, cache])

  useEffect(() => {
    if (!enabled) return
    // The counter itself, not a value read from it: the cleanup must retire whatever load is then in flight.
    const loads = generation
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false
      freshOnScreen.current = true
      if (cache && embedded !== undefined) saveRead(cache, embedded)
      return () => {
        loads.current++
      }
    }
    freshOnScreen.current = false
    setLoading(true)
    void load()
    return () => {
      loads.current++
    }
  }, [enabled, load, cache, embedded])

  return { data, error, loading, refresh: load, savedAt }
}

type ListEndpoint = Endpoint
type ItemOf<E extends ListEndpoint> = ResponseOf<E> extends { items: Array<infer I> } ? I : never

export interface ApiListState<I, R = unknown> {
  items: I[]
  /** The first page's whole answer (what a list says beside its items, e.g. a search's wider offers); null until it arrives or when offline. */
  firstPage: R | null
  error: ApiError | null
  loading: boolean
  loadingMore: boolean
  hasMore: boolean
  loadMore: () => Promise<void>
  refresh: () => Promise<void>
  /** Set when `items` are the first page saved on the device (the network is missing): when it was saved. */
  savedAt: string | null
}

/** Reads a cursor-paginated list: first page on mount or when the query changes, more on demand. */
export function useApiList<E extends ListEndpoint>(
  endpoint: E,
  req: RequestOf<E> = {} as RequestOf<E>,
  options: { cache?: string } = {},
): ApiListState<ItemOf<E>, ResponseOf<E>> {
  const key = JSON.stringify(req)
  const cache = options.cache
  // As useApi: the first page the server wrote into the page is drawn by the first render, and not fetched again.
  const [embedded] = useState(() => firstRead(endpoint, req) as (ResponseOf<E> & { items: ItemOf<E>[]; nextCursor: string | null }) | undefined)
  const [items, setItems] = useState<ItemOf<E>[]>(embedded?.items ?? [])
  const [firstPage, setFirstPage] = useState<ResponseOf<E> | null>(embedded ?? null)
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const [cursor, setCursor] = useState<string | null>(embedded?.nextCursor ?? null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(embedded === undefined)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)
  const busy = useRef(false)
  const freshOnScreen = useRef(false)
  const skipFirstLoad = useRef(embedded !== undefined)

  const fetchPage = useCallback(
    (after: string | null, onRetry?: () => void) => {
      const base = JSON.parse(key) as { query?: Record<string, unknown> }
      const query = after ? { ...base.query, cursor: after } : base.query
      return request(endpoint, { ...base, query } as RequestOf<E>, { onRetry }) as Promise<{ items: ItemOf<E>[]; nextCursor: string | null }>
    },
    [endpoint, key],
  )

  const refresh = useCallback(async () => {
    const mine = ++generation.current
    // As useApi: the saved first page at the first failed try, while the retries go on.
    const showSavedEarly = () => {
      const saved = cache && mine === generation.current && !freshOnScreen.current ? readSaved<ItemOf<E>[]>(cache) : null
      if (saved)
        show(() => {
          setItems(saved.data)
          setSavedAt(saved.savedAt)
          setLoading(false)
        })
    }
    try {
      const page = await fetchPage(null, showSavedEarly)
      if (mine !== generation.current) return
      freshOnScreen.current = true
      show(() => {
        setItems(page.items)
        setFirstPage(page as ResponseOf<E>)
        setCursor(page.nextCursor)
        setSavedAt(null)
        setError(null)
        setLoading(false)
      })
      if (cache) saveRead(cache, page.items)
    } catch (e) {
      if (mine !== generation.current) return
      const err = asApiError(e)
      const saved = cache && err.transient ? readSaved<ItemOf<E>[]>(cache) : null
      show(() => {
        if (saved) {
          // Only the first page is kept: no 加载更多 until the network is back.
          setItems(saved.data)
          setFirstPage(null)
          setCursor(null)
          setSavedAt(saved.savedAt)
          setError(null)
        } else setError(cache ? noSavedCopy(err) : err)
        setLoading(false)
      })
    }
  }, [fetchPage, cache])

  const loadMore = useCallback(async () => {
    if (!cursor || busy.current) return
    busy.current = true
    const mine = generation.current
    setLoadingMore(true)
    try {
      const page = await fetchPage(cursor)
      if (mine !== generation.current) {
        setLoadingMore(false)
        return
      }
      show(() => {
        setItems((prev) => [...prev, ...page.items])
        setCursor(page.nextCursor)
        setError(null)
        setLoadingMore(false)
      })
    } catch (e) {
      if (mine === generation.current) show(() => setError(asApiError(e)))
      setLoadingMore(false)
    } finally {
      busy.current = false
    }
  }, [cursor, fetchPage])

  useEffect(() => {
    const loads = generation
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false
      freshOnScreen.current = true
      if (cache && embedded) saveRead(cache, embedded.items)
      return () => {
        loads.current++
      }
    }
    freshOnScreen.current = false
    setLoading(true)
    setItems([])
    setFirstPage(null)
    setCursor(null)
    void refresh()
    return () => {
      loads.current++
    }
  }, [refresh, cache, embedded])

  return { items, firstPage, error, loading, loadingMore, hasMore: cursor !== null, loadMore, refresh, savedAt }
}
