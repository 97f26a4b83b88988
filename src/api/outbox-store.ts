import Taro from '@tarojs/taro'
import type { OutboxEntry } from './outbox'

/**
 * Where the outbox keeps its entries and the event it fires when they change, readable without loading the outbox
 * itself (and with it the client and the write schemas): H5 looks here at launch before deciding to load it.
 */
export const outboxStorageKey = 'wgt.outbox'
export const outboxChangedEvent = 'wgt.outbox.changed'

export function readOutbox(): OutboxEntry[] {
  try {
    const value: unknown = Taro.getStorageSync(outboxStorageKey)
    return Array.isArray(value) ? (value as OutboxEntry[]) : []
  } catch {
    return []
  }
}

/** Every change of the outbox (kept, sent, refused, dismissed), without loading the outbox itself. */
export function watchOutbox(listener: (entries: OutboxEntry[]) => void): () => void {
  Taro.eventCenter.on(outboxChangedEvent, listener)
  return () => Taro.eventCenter.off(outboxChangedEvent, listener)
}
