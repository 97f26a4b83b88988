import { showNotice } from '@/lib/notice'
import { onOutboxDelivered, startOutbox } from './outbox'

/** Starts resending what was saved offline, and tells the worker as each write arrives. */
export function startSending(): void {
  startOutbox()
  onOutboxDelivered(({ entry }) => showNotice(`已发送：${entry.label}`))
}
