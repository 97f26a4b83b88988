import { useApi } from '@/api'
import { listTrades } from '@contract/reference'

/**
 * Trades that have open postings right now, most postings first: the quick chips above the list. Kept on the phone
 * with the first page of jobs, so the tab opened without signal looks as it did (a chip tapped then says no network).
 */
export function usePopularTrades(max = 8) {
  const { data, error, loading } = useApi(listTrades, {}, { cache: 'popular-trades' })
  const trades = (data?.items ?? [])
    .filter((t) => t.openJobs > 0)
    .sort((a, b) => b.openJobs - a.openJobs)
    .slice(0, max)
  return { trades, error, loading }
}
