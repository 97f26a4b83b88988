/**
 * WeChat subscribe messages against a local fake WeChat: the allowances the app records, the send with a cached
 * stable token (refreshed once when WeChat says it expired), the SMS fallback when there is no allowance or the user
 * refused, retries when WeChat is slow; and the staff's announcement to a batch's riders.
 */
import type { FastifyBaseLogger } from 'fastify'
import { httpSms } from '../accounts/sms/http'
import { findAudit } from '../audit/audit.repository'
import { loadConfig, type NotifyConfig } from '../config'
import { transportBatchBody } from '../test-support/bodies'
import { workerSignIns } from '../test-support/accounts'
import { startFakeSmsGateway, type FakeSmsGateway } from '../test-support/fake-sms-gateway'
import { FAKE_WECHAT_APPID, FAKE_WECHAT_SECRET, startFakeWechat, type FakeWechat } from '../test-support/fake-wechat'
import { useTestApp } from '../test-support/harness'
import { usesPostgres } from '../test-support/test-app'
import { type DispatchDeps, dispatchUntilIdle } from './dispatcher'
import { insertNotifications } from './notifications.repository'
import { insertSubscriptions } from './subscriptions.repository'
import { fitKeyword, wechatSender } from './wechat-channel'
import { parseWechatTemplates } from './wechat-settings'

jest.setTimeout(180000)

const T0 = new Date('2026-03-10T02:00:00.000Z')
const TEMPLATES = {
  transport_notice: { id: 'TPL-transport', data: { thing1: 'title', thing2: 'body', time3: 'time' } },
  application_result: { id: 'TPL-application', data: { thing1: 'body', time2: 'time' } },
  rights_progress: { id: 'TPL-rights', data: { thing1: 'title', thing2: 'body' } },
} as const

let wechat: FakeWechat
let gateway: FakeSmsGateway
// Started before the app is built (hooks run in order), so the app's config can point at them.
beforeAll(async () => {
  wechat = await startFakeWechat()
  gateway = await startFakeSmsGateway()
})
afterAll(async () => {
  await wechat.close()
  await gateway.close()
})

const t = useTestApp({
  start: T0,
  config: (c) => ({
    ...c,
    wechat: { ...c.wechat, apiBase: wechat.url, appId: FAKE_WECHAT_APPID, secret: FAKE_WECHAT_SECRET, templates: TEMPLATES, timeoutMs: 300 },
  }),
})
const post = t.post
const notifyConfig: NotifyConfig = { dispatch: false, intervalMs: 1000, batchSize: 20, leaseMs: 60_000, maxAttempts: 3, retryBaseMs: 30_000, smsDailyLimit: 10 }
const logs: string[] = []
const log = (() => {
  const record = (...args: unknown[]) => void logs.push(JSON.stringify(args))
  const logger = { warn: record, info: record, error: record, debug: record, trace: record, fatal: record, child: () => logger, level: 'trace' }
  return logger as unknown as FastifyBaseLogger
})()

let kunshan: string
let wuxi: string
let sender: ReturnType<typeof wechatSender>
beforeAll(async () => {
  kunshan = await t.staffToken('kunshan')
  wuxi = await t.staffToken('wuxi')
  sender = wechatSender(t.config.wechat)
})
beforeEach(async () => {
  wechat.mode = 'ok'
  wechat.latencyMs = 0
  wechat.sends.length = 0
  gateway.received.length = 0
  await t.db.updateTable('notifications').set({ state: 'skipped' }).where('state', '=', 'pending').execute()
})

const deps = (): DispatchDeps => ({
  db: t.db,
  keys: t.app.keys,
  sms: httpSms({ ...t.config.sms, provider: 'http', httpUrl: gateway.url }),
  wechat: { sender, config: t.config.wechat },
  config: notifyConfig,
  clock: t.clock,
  log,
})

const newWorker = workerSignIns('1375300', () => t.app)

const subscribe = (token: string, templateIds: string[], code = 'code-1') => post(token, '/api/me/subscriptions', { code, templateIds })

async function batchWith(riders: { token: string }[]) {
  const batch = (await post(kunshan, '/api/staff/transport-batches', transportBatchBody(t.clock(), { seats: 50 }))).json()
  for (const r of riders) expect((await post(r.token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
  return batch as { id: number }
}
const announce = (token: string, id: number, text: unknown = '集合地点改到县汽车站', key?: string) =>
  post(token, `/api/staff/transport-batches/${id}/announce`, { text }, key)

const rows = (userId: number) => t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('channel', '<>', 'inapp').orderBy('id').execute()
const allowances = (userId: number) => t.db.selectFrom('wechat_subscriptions').selectAll().where('user_id', '=', userId).orderBy('id').execute()

describe('POST /api/me/subscriptions', () => {
  test('records one allowance per known template, with the openid WeChat names for the code, encrypted', async () => {
    const w = await newWorker()
    const res = await subscribe(w.token, ['TPL-transport', 'TPL-rights', 'unknown-id'], 'abc')
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([
      { template: 'rights_progress', available: 1 },
      { template: 'transport_notice', available: 1 },
    ])
    expect((await subscribe(w.token, ['TPL-transport'], 'abc')).json().items).toEqual([{ template: 'transport_notice', available: 2 }])
    const saved = await allowances(w.id)
    expect(saved.map((s) => [s.template, s.used_at])).toEqual([
      ['rights_progress', null],
      ['transport_notice', null],
      ['transport_notice', null],
    ])
    expect(saved[0].openid_enc).not.toContain('openid-abc')
    expect(t.app.keys.decrypt(saved[0].openid_enc)).toBe('openid-abc')
  })

  test('only ids the server knows reach WeChat; bad input is 400 in Chinese; a bad code is 400; no token is 401', async () => {
    const w = await newWorker()
    expect((await subscribe(w.token, ['unknown-id'], 'bad-code')).json()).toEqual({ items: [] })
    const empty = await subscribe(w.token, [])
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.fields.templateIds).toBe('没有选择要接收的通知')
    expect((await subscribe(w.token, ['has space'])).statusCode).toBe(400)
    expect((await subscribe(w.token, ['a', 'b', 'c', 'd'])).json().error.fields.templateIds).toBe('一次最多 3 种通知')
    const bad = await subscribe(w.token, ['TPL-transport'], 'bad-code')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields.code).toContain('微信')
    expect((await t.app.inject({ method: 'POST', url: '/api/me/subscriptions', payload: { code: 'x', templateIds: ['TPL-transport'] } })).statusCode).toBe(401)
    expect(await allowances(w.id)).toHaveLength(0)
  })
})

describe('sending on WeChat', () => {
  test('with an allowance the notice goes on WeChat instead of SMS, once, with the data cut to WeChat’s limits', async () => {
    const w = await newWorker()
    await subscribe(w.token, ['TPL-transport'], 'w1')
    const batch = await batchWith([w])
    expect((await announce(kunshan, batch.id)).json()).toEqual({ riders: 1 })
    expect((await rows(w.id)).map((r) => [r.channel, r.state])).toEqual([['wechat', 'pending']])

    expect(await dispatchUntilIdle(deps())).toMatchObject({ claimed: 1, sent: 1 })
    expect(wechat.sends).toHaveLength(1)
    const [sent] = wechat.sends
    expect(sent).toMatchObject({ touser: 'openid-w1', template_id: 'TPL-transport', page: 'packages/transport/pages/mine/index', miniprogram_state: 'formal' })
    expect(sent.data.thing1.value).toBe('专车通知')
    expect(Array.from(sent.data.thing2.value)).toHaveLength(20)
    expect(sent.data.thing2.value.endsWith('…')).toBe(true)
    expect(sent.data.time3.value).toBe('2026年3月10日 10:00')
    expect((await rows(w.id)).map((r) => [r.channel, r.state])).toEqual([['wechat', 'sent']])
    expect((await allowances(w.id))[0].used_at).not.toBeNull()
    expect(gateway.received).toHaveLength(0)

    // The allowance is used: the next announcement goes by SMS, as chosen by default for this kind.
    await announce(kunshan, batch.id, '明早六点发车，请提前到')
    expect((await rows(w.id)).map((r) => r.channel)).toEqual(['wechat', 'sms'])
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
    expect(gateway.received).toHaveLength(1)
    expect(wechat.sends).toHaveLength(1)
  })

  test('the token is fetched once and reused; when WeChat says it expired it is refreshed once and the send goes', async () => {
    const a = await newWorker()
    const b = await newWorker()
    await subscribe(a.token, ['TPL-transport'], 'a')
    await subscribe(b.token, ['TPL-transport'], 'b')
    const batch = await batchWith([a, b])
    await announce(kunshan, batch.id)
    const before = wechat.tokenRequests.length
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 2 })
    expect(wechat.tokenRequests.length - before).toBeLessThanOrEqual(1)

    await subscribe(a.token, ['TPL-transport'], 'a')
    await announce(kunshan, batch.id, '车牌号苏E12345')
    wechat.expireTokens()
    const expiredAt = wechat.tokenRequests.length
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 2 })
    // One refresh for the expired token (b had no allowance left: SMS).
    expect(wechat.tokenRequests.slice(expiredAt)).toEqual([{ forceRefresh: false }])
    // The first announcement reaches both in either order (the riders' order is the database's); the second only a.
    const to = wechat.sends.map((s) => s.touser)
    expect([...to.slice(0, 2)].sort()).toEqual(['openid-a', 'openid-b'])
    expect(to.slice(2)).toEqual(['openid-a'])
    expect(new Set(wechat.sends.map((s) => s.token)).size).toBe(2)
  })

  test('a token WeChat refuses (40001) that the stable-token API still hands out is replaced by forcing a new one', async () => {
    const w = await newWorker()
    await subscribe(w.token, ['TPL-transport'], 'revoked')
    await subscribe(w.token, ['TPL-transport'], 'revoked')
    const batch = await batchWith([w])
    await announce(kunshan, batch.id, '第一条')
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
    await announce(kunshan, batch.id, '第二条')
    wechat.revokeTokens()
    const at = wechat.tokenRequests.length
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
    expect(wechat.tokenRequests.slice(at)).toEqual([{ forceRefresh: false }, { forceRefresh: true }])
    expect(wechat.sends).toHaveLength(2)
    expect(wechat.sends[1].token).not.toBe(wechat.sends[0].token)
  })

  test('user refused (43101): the WeChat row is skipped with the reason and the SMS it replaced is queued and sent', async () => {
    const w = await newWorker()
    await subscribe(w.token, ['TPL-transport'], 'refuser')
    await announce(kunshan, (await batchWith([w])).id)
    wechat.mode = 'refused'
    expect(await dispatchUntilIdle(deps())).toMatchObject({ skipped: 1, sent: 1 })
    const [wx, sms] = await rows(w.id)
    expect(wx).toMatchObject({ channel: 'wechat', state: 'skipped' })
    expect(wx.last_error).toContain('43101')
    expect(sms).toMatchObject({ channel: 'sms', state: 'sent', message_id: wx.message_id })
    expect(gateway.received.map((g) => g.phone)).toEqual([w.phone])
    // A refused allowance is spent.
    expect((await allowances(w.id))[0].used_at).not.toBeNull()
  })

  test('no allowance left at send time (two notices, one allowance): the second falls back to SMS', async () => {
    const w = await newWorker()
    await subscribe(w.token, ['TPL-transport'], 'once')
    const batch = await batchWith([w])
    await announce(kunshan, batch.id, '第一条')
    await announce(kunshan, batch.id, '第二条')
    expect((await rows(w.id)).map((r) => r.channel)).toEqual(['wechat', 'wechat'])
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 2, skipped: 1 })
    expect((await rows(w.id)).map((r) => [r.channel, r.state, r.last_error])).toEqual([
      ['wechat', 'sent', null],
      ['wechat', 'skipped', '没有可用的微信订阅'],
      ['sms', 'sent', null],
    ])
  })

  test('a worker who turned SMS off gets no SMS when WeChat refuses; a locked SMS (cancelled bus) goes besides WeChat', async () => {
    const off = await newWorker()
    expect((await t.patch(off.token, '/api/me/notification-settings', { items: [{ kind: 'transport_announcement', sms: false }] })).statusCode).toBe(200)
    await subscribe(off.token, ['TPL-transport'], 'off')
    const batch = await batchWith([off])
    await announce(kunshan, batch.id)
    wechat.mode = 'refused'
    expect(await dispatchUntilIdle(deps())).toMatchObject({ skipped: 1, sent: 0 })
    expect((await rows(off.id)).map((r) => r.channel)).toEqual(['wechat'])

    wechat.mode = 'ok'
    await subscribe(off.token, ['TPL-transport'], 'off')
    expect((await post(kunshan, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '司机生病' })).statusCode).toBe(200)
    expect((await rows(off.id)).slice(1).map((r) => r.channel)).toEqual(['wechat', 'sms'])
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 2 })
  })

  test('slow WeChat: the send times out, is retried later with the allowance kept, and goes once WeChat answers', async () => {
    const w = await newWorker()
    await subscribe(w.token, ['TPL-transport'], 'slow')
    await announce(kunshan, (await batchWith([w])).id)
    wechat.latencyMs = 1000
    expect(await dispatchUntilIdle(deps())).toMatchObject({ retried: 1, sent: 0 })
    const [row] = await rows(w.id)
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: '微信连不上或超时' })
    expect((await allowances(w.id))[0].used_at).toBeNull()
    wechat.latencyMs = 0
    t.clock.set(new Date(T0.getTime() + 60_000))
    expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
    expect(wechat.sends).toHaveLength(1)
    expect((await rows(w.id))[0]).toMatchObject({ state: 'sent', attempts: 2 })
  })

  test('WeChat refusing the data (47003) fails the row at once and falls back; nothing logged holds the secret or openid', async () => {
    const w = await newWorker()
    await subscribe(w.token, ['TPL-transport'], 'data')
    await announce(kunshan, (await batchWith([w])).id)
    wechat.mode = 47003
    logs.length = 0
    expect(await dispatchUntilIdle(deps())).toMatchObject({ failed: 1, sent: 1 })
    expect((await rows(w.id))[0].last_error).toBe('微信答复 47003（已试 1 次）')
    // Not used by WeChat: kept for the next notice.
    expect((await allowances(w.id))[0].used_at).toBeNull()
    expect(logs.join('\n')).toContain('47003')
    expect(logs.join('\n')).not.toContain(FAKE_WECHAT_SECRET)
    expect(logs.join('\n')).not.toContain('openid-data')
  })
})

test('two dispatchers on one database: 60 WeChat messages, 60 allowances, each message sent once on its own allowance', async () => {
  const w = await newWorker()
  const at = t.clock().toISOString()
  await insertSubscriptions(t.db, w.id, Array.from({ length: 60 }, () => 'transport_notice'), t.app.keys.encrypt('openid-many'), at)
  await insertNotifications(
    t.db,
    Array.from({ length: 60 }, (_, i) => ({
      message_id: null,
      user_id: w.id,
      staff_id: null,
      kind: 'transport_announcement',
      channel: 'wechat',
      urgent: 0 as const,
      payload: JSON.stringify({ title: '专车通知', body: `第 ${i} 条`, link: null, smsFallback: true }),
      state: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      phone_hash: null,
      created_at: at,
      sent_at: null,
      sent_day: null,
    })),
  )
  wechat.latencyMs = 2
  const other = await t.secondInstance()
  const [a, b] = await Promise.all([
    dispatchUntilIdle({ ...deps(), config: { ...notifyConfig, batchSize: 5 } }),
    dispatchUntilIdle({ ...deps(), db: other.db, wechat: { sender: wechatSender(t.config.wechat), config: t.config.wechat }, config: { ...notifyConfig, batchSize: 5 } }),
  ])
  expect(a.sent + b.sent).toBe(60)
  if (usesPostgres()) {
    expect(a.sent).toBeGreaterThan(0)
    expect(b.sent).toBeGreaterThan(0)
  }
  expect(new Set(wechat.sends.map((s) => s.data.thing2.value)).size).toBe(60)
  expect(wechat.sends).toHaveLength(60)
  // Had two sends shared an allowance, one would have found none and fallen back to SMS.
  expect((await rows(w.id)).filter((r) => r.channel === 'sms')).toHaveLength(0)
  const used = await allowances(w.id)
  expect(used.every((u) => u.used_at !== null)).toBe(true)
  expect(new Set(used.map((u) => u.notification_id)).size).toBe(60)
})

describe('POST /api/staff/transport-batches/:id/announce', () => {
  test('every rider’s inbox gets it once (a replay sends nothing again); audited; scope, 400, 404, 409', async () => {
    const riders = [await newWorker(), await newWorker()]
    const batch = await batchWith(riders)
    expect((await announce(wuxi, batch.id)).statusCode).toBe(403)
    expect((await announce(riders[0].token, batch.id)).statusCode).toBe(403)
    const blank = await announce(kunshan, batch.id, '  ')
    expect(blank.statusCode).toBe(400)
    expect(blank.json().error.fields.text).toBe('请填写这一项')
    expect((await announce(kunshan, batch.id, '长'.repeat(61))).json().error.fields.text).toBe('最多60个字')
    expect((await announce(kunshan, 999999)).statusCode).toBe(404)

    const first = await announce(kunshan, batch.id, '集合地点改到县汽车站', 'announce-key-1')
    expect(first.json()).toEqual({ riders: 2 })
    expect((await announce(kunshan, batch.id, '集合地点改到县汽车站', 'announce-key-1')).json()).toEqual({ riders: 2 })
    for (const r of riders) {
      const inbox = (await t.get(r.token, '/api/me/messages')).json()
      expect(inbox.items.filter((m: { kind: string }) => m.kind === 'transport_announcement')).toHaveLength(1)
      expect(inbox.items[0]).toMatchObject({ title: '专车通知', link: '/packages/transport/pages/mine/index' })
      expect(inbox.items[0].body).toContain('集合地点改到县汽车站')
    }
    const audit = (await findAudit(t.db, 'transport_batch', batch.id)).filter((a) => a.action === 'transport.announce')
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0].after_json!)).toEqual({ text: '集合地点改到县汽车站', riders: 2 })

    expect((await post(kunshan, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '改期' })).statusCode).toBe(200)
    expect((await announce(kunshan, batch.id)).statusCode).toBe(409)
  })
})

test('deleting the account removes its allowances (and with them the encrypted openid)', async () => {
  const w = await newWorker()
  await subscribe(w.token, ['TPL-transport', 'TPL-rights'], 'leaving')
  expect(await allowances(w.id)).toHaveLength(2)
  expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: { authorization: `Bearer ${w.token}` } })).json()).toEqual({ deleted: true })
  expect(await allowances(w.id)).toHaveLength(0)
})

test('fitKeyword keeps whole characters within WeChat’s limits', () => {
  expect(fitKeyword('thing1', '短')).toBe('短')
  expect(fitKeyword('thing2', '字'.repeat(25))).toBe('字'.repeat(19) + '…')
  expect(fitKeyword('phrase3', '已经受理了')).toBe('已经受理了')
  expect(fitKeyword('character_string4', '求助 2026-000123 号')).toBe('2026-000123')
  expect(Array.from(fitKeyword('thing1', '😀'.repeat(30)))).toHaveLength(20)
})

test('WECHAT_SUBSCRIBE_TEMPLATES is checked at start: unknown templates, bad ids, keywords or sources stop the server', () => {
  expect(parseWechatTemplates(undefined)).toEqual({})
  expect(parseWechatTemplates(JSON.stringify(TEMPLATES))).toEqual(TEMPLATES)
  expect(() => parseWechatTemplates('{')).toThrow('is not JSON')
  expect(() => parseWechatTemplates('{"jobs":{"id":"a","data":{"thing1":"title"}}}')).toThrow('unknown template "jobs"')
  expect(() => parseWechatTemplates('{"rights_progress":{"id":"a b","data":{"thing1":"title"}}}')).toThrow("WeChat's template id")
  expect(() => parseWechatTemplates('{"rights_progress":{"id":"a","data":{"thing":"title"}}}')).toThrow('keyword name')
  expect(() => parseWechatTemplates('{"rights_progress":{"id":"a","data":{"thing1":"phone"}}}')).toThrow('title, body or time')
  expect(() => loadConfig({ WECHAT_MINIPROGRAM_STATE: 'beta' })).toThrow('WECHAT_MINIPROGRAM_STATE')
})
