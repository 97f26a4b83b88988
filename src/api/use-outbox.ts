import { useEffect, useState } from 'react'
import { dismissOutboxEntry, flushOutbox, onOutboxChange, readOutbox, type OutboxEntry } from './outbox'

export interface OutboxState {
  pending: OutboxEntry[]
  refused: OutboxEntry[]
  retryNow: () => Promise<void>
  dismiss: (id: string) => void
}

/** What is waiting to be sent and what the server refused, kept current as the outbox changes. */
export function useOutbox(): OutboxState {
  const [entries, setEntries] = useState<OutboxEntry[]>(() => readOutbox())
  useEffect(() => {
    setEntries(readOutbox())
    return onOutboxChange(setEntries)
  }, [])
  return {
    pending: entries.filter((e) => e.state === 'pending'),
    refused: entries.filter((e) => e.state === 'refused'),
    retryNow: () => flushOutbox(true),
    dismiss: dismissOutboxEntry,
  }
}
