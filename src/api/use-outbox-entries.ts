import { useEffect, useState } from 'react'
import type { OutboxEntry } from './outbox'
import { readOutbox, watchOutbox } from './outbox-store'

/**
 * What the outbox holds, kept current, read from its store only: a page that shows what waits to be sent does not
 * carry the client and the write schemas that sending needs.
 */
export function useOutboxEntries(): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>(readOutbox)
  useEffect(() => {
    setEntries(readOutbox())
    return watchOutbox(setEntries)
  }, [])
  return entries
}
