import type { SubscribeAction } from '@contract/subscriptions'

const nothing = (_action: SubscribeAction): void => undefined

/** H5 has no WeChat subscribe messages: the inbox and SMS carry the news. The mini-program: use-ask-for-messages.weapp.ts. */
export function useAskForMessages(): (action: SubscribeAction) => void {
  return nothing
}
