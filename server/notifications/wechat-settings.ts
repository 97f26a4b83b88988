/**
 * WECHAT_SUBSCRIBE_TEMPLATES: for each of our templates, WeChat's template id and what goes in each of its keywords,
 * e.g. {"rights_progress":{"id":"AbC…","data":{"thing1":"title","thing2":"body","time3":"time"}}}. The keyword names
 * are the ones WeChat shows for the template; their prefix (thing, time, phrase …) says what WeChat accepts.
 * Checked at start, so a typo stops the server rather than every send.
 */
import { subscribeTemplates, type SubscribeTemplate } from '../../types/subscriptions'

/** What a keyword carries: the notice's title, its text, or when it happened. */
export const templateSources = ['title', 'body', 'time'] as const
export type TemplateSource = (typeof templateSources)[number]

export interface WechatTemplateSetting {
  id: string
  data: Record<string, TemplateSource>
}
export type WechatTemplateSettings = Partial<Record<SubscribeTemplate, WechatTemplateSetting>>

export function parseWechatTemplates(text: string | undefined): WechatTemplateSettings {
  if (!text?.trim()) return {}
  const fail = (why: string): never => {
    throw new Error(`WECHAT_SUBSCRIBE_TEMPLATES ${why} (see server/notifications/README.md)`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    fail('is not JSON')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail('must be an object of templates')
  const settings: WechatTemplateSettings = {}
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(subscribeTemplates as readonly string[]).includes(name)) fail(`names an unknown template "${name}" (known: ${subscribeTemplates.join(', ')})`)
    const { id, data } = (value ?? {}) as { id?: unknown; data?: unknown }
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) fail(`${name}: id must be WeChat's template id`)
    if (!data || typeof data !== 'object' || !Object.keys(data).length) fail(`${name}: data must map keywords to title, body or time`)
    for (const [keyword, source] of Object.entries(data as Record<string, unknown>)) {
      if (!/^[a-z_]+\d+$/.test(keyword)) fail(`${name}: "${keyword}" is not a keyword name like thing1`)
      if (!(templateSources as readonly unknown[]).includes(source)) fail(`${name}.${keyword} must be title, body or time`)
    }
    settings[name as SubscribeTemplate] = { id: id as string, data: data as Record<string, TemplateSource> }
  }
  return settings
}
