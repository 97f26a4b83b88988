import Taro from '@tarojs/taro'
import { saveSubscriptions, type SubscribeAction } from '@contract/subscriptions'
import { request } from '@/api'
import { templateIdsFor } from '@/lib/subscribe-templates'

/**
 * The ask for a page or form: `ask(action)` asks WeChat whether the worker wants the messages this action will lead
 * to, and records the templates they allowed. Call it first thing in the tap handler, before any await: WeChat shows
 * the question only in a tap's own call. Never waited on and never fails the action: a worker who says no still gets
 * the inbox (and SMS where chosen).
 */
export function useAskForMessages(): (action: SubscribeAction) => void {
  return askForMessages
}

export function askForMessages(action: SubscribeAction): void {
  const tmplIds = templateIdsFor(action)
  if (!tmplIds.length) return
  // Taro's typing asks for Alipay's entityIds as well; WeChat takes tmplIds alone.
  Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option)
    .then((answer) => {
      const accepted = tmplIds.filter((id) => (answer as unknown as Record<string, string>)[id] === 'accept')
      if (accepted.length) return record(accepted)
    })
    // Closed, refused or not supported by this WeChat: nothing to record.
    .catch(() => undefined)
}

async function record(templateIds: string[]): Promise<void> {
  try {
    // A fresh login code lets the server ask WeChat who allowed the messages, rather than trust the app.
    const { code } = await Taro.login()
    await request(saveSubscriptions, { body: { code, templateIds } })
  } catch {
    // Not recorded: the notice still reaches the inbox, and SMS where chosen.
  }
}
