import { subscribeActions, type SubscribeAction, type SubscribeTemplate } from '@contract/subscriptions'

/**
 * WeChat's template ids for an action, from TARO_APP_WECHAT_TEMPLATES (baked in at build: the same JSON as the
 * server's WECHAT_SUBSCRIBE_TEMPLATES, of which only the ids are read here). None set asks for nothing.
 */
export function templateIdsFor(action: SubscribeAction, settings: string | undefined = process.env.TARO_APP_WECHAT_TEMPLATES): string[] {
  if (!settings) return []
  let parsed: Partial<Record<SubscribeTemplate, { id?: unknown }>>
  try {
    parsed = JSON.parse(settings)
  } catch {
    return []
  }
  const ids = subscribeActions[action].map((name) => parsed?.[name]?.id)
  return ids.filter((id): id is string => typeof id === 'string' && id.length > 0)
}
