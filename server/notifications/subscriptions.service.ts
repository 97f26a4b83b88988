/**
 * POST /api/me/subscriptions: the templates WeChat said yes to at the worker's tap. The wx.login code tells us, from
 * WeChat, which WeChat user allowed them (never what the app claims); the openid is kept encrypted on each allowance.
 */
import type { Kysely } from 'kysely'
import { subscribeTemplates, type SubscribeTemplate } from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { code2session } from '../accounts/wechat'
import type { WechatConfig } from '../config'
import type { DB } from '../db/schema'
import { countUnusedSubscriptions, insertSubscriptions } from './subscriptions.repository'

/** Unused allowances kept per template: more would only pile up if the app asked on every tap. */
export const MAX_UNUSED_PER_TEMPLATE = 20

export async function saveSubscriptions(
  db: Kysely<DB>,
  keys: DataKeys,
  config: WechatConfig,
  userId: number,
  body: { code: string; templateIds: string[] },
  now: Date,
): Promise<{ items: { template: SubscribeTemplate; available: number }[] }> {
  // Ids the server is not set up with are left out: an app built with an old id must not stop the worker's action.
  const templates = subscribeTemplates.filter((name) => {
    const id = config.templates[name]?.id
    return id !== undefined && body.templateIds.includes(id)
  })
  if (!templates.length) return { items: [] }
  const openid = await code2session(config, body.code)
  const openidEnc = keys.encrypt(openid)
  return db.transaction().execute(async (trx) => {
    const items: { template: SubscribeTemplate; available: number }[] = []
    for (const template of templates) {
      const unused = await countUnusedSubscriptions(trx, userId, template)
      if (unused < MAX_UNUSED_PER_TEMPLATE) await insertSubscriptions(trx, userId, [template], openidEnc, now.toISOString())
      items.push({ template, available: Math.min(unused + 1, MAX_UNUSED_PER_TEMPLATE) })
    }
    return { items }
  })
}
