import type { SubscribeAction } from '@contract/subscriptions'

/** H5 has no WeChat subscribe messages: the inbox and SMS carry the news. The mini-program: ask-for-messages.weapp.ts. */
export function askForMessages(_action: SubscribeAction): void {}
