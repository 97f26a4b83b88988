import { dismissOutboxEntry, flushOutbox, type OutboxEntry } from './outbox'
import { useOutboxEntries } from './use-outbox-entries'

export interface OutboxState {
  pending: OutboxEntry[]
  refused: OutboxEntry[]
  retryNow: () => Promise<void>
  dismiss: (id: string) => void
}

/** What is waiting to be sent and what the server refused, kept current as the outbox changes. */
export function useOutbox(): OutboxState {
  const entries = useOutboxEntries()
  return {
    pending: entries.filter((e) => e.state === 'pending'),
    refused: entries.filter((e) => e.state === 'refused'),
    retryNow: () => flushOutbox(true),
    dismiss: dismissOutboxEntry,
  }
}
