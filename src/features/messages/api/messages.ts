/** Every call of the inbox: the list (saved for offline), the unread count for 我的, marking read. */
import { request, useApi, useApiList } from '@/api'
import { listMyMessages, markMessagesRead } from '@contract/notifications'

/** Saved on the device under this name (cleared at sign-out): the inbox opens offline. */
export const myMessagesCache = 'my-messages'

export function useMyMessages() {
  return useApiList(listMyMessages, { query: { limit: 20 } }, { cache: myMessagesCache })
}

/** Only the count: one message is fetched with it. */
export function useUnreadCount(enabled: boolean) {
  const state = useApi(listMyMessages, { query: { limit: 1 } }, { enabled })
  return { unread: state.data?.unread ?? 0, refresh: state.refresh }
}

export function markRead(ids: number[]) {
  return request(markMessagesRead, { body: { ids } })
}

export function markAllRead() {
  return request(markMessagesRead, { body: { all: true } })
}
