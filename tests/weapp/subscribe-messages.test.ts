// The ask for WeChat messages at a worker's tap: the weapp tests' build carries fixed template ids
// (scripts/weapp-test-templates.json, baked in by scripts/weapp-build.mjs), and WeChat asks only inside a tap handler.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serverApi } from '../e2e/support/api'
import { tokenStorageKey } from './support/records'
import { privacyAcceptedStorage, sessionStartTimeout, startSession, stopSession, type WeappSession } from './support/session'

const templates = JSON.parse(readFileSync(join(__dirname, '../../scripts/weapp-test-templates.json'), 'utf8')) as Record<string, { id: string }>

let s: WeappSession
let token: string

beforeAll(async () => {
  s = await startSession({ storage: privacyAcceptedStorage() })
  const api = serverApi(() => s.server.baseUrl)
  token = await api.signIn('13900001301')
  const res = await api.call('/me', {
    token,
    method: 'PATCH',
    key: `weapp-subscribe-profile-${process.pid}`,
    body: { name: '马建国', hometownTownship: '洛门镇', trades: ['电工'] },
  })
  if (res.status !== 200) throw new Error(`PATCH /me: ${res.status} ${JSON.stringify(res.body)}`)
  s.phone.storage.set(tokenStorageKey, token)
  await s.phone.launch()
}, sessionStartTimeout)
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

const asks = () => s.phone.calls.filter((c) => c.api === 'requestSubscribeMessage')
const subscriptionPosts = () => s.phone.calls.filter((c) => c.api === 'request' && String(c.args[0]).endsWith('/me/subscriptions'))

test('报名: confirming 我要报名 asks, from the tap, for the application result template only', async () => {
  const phone = s.phone
  const jobs = ((await (await fetch(`${s.server.baseUrl}/api/jobs`)).json()) as { items: { id: number; title: string }[] }).items
  await phone.navigateTo(`/packages/jobs/pages/detail/index?id=${jobs[0].id}`)
  await phone.waitForText('我要报名')
  const before = asks().length

  await phone.tap('我要报名', { exact: true })
  // Opening the confirm step asks nothing: the ask belongs to the tap that sends the application.
  expect(asks().length).toBe(before)
  await phone.waitForText('确认报名')
  // The dialog's title says 确认报名 too: its button is the last one shown.
  await phone.tap('确认报名', { exact: true, last: true })

  const toasts = () => phone.calls.filter((c) => c.api === 'showToast' || c.api === 'showModal').map((c) => c.args.join(' '))
  await phone.waitForTextWhere(() => toasts().some((t) => t.includes('报名成功')), `报名成功 (notices: ${toasts().join(' | ')})`)
  const made = asks().slice(before)
  expect(made).toEqual([{ api: 'requestSubscribeMessage', args: [[templates.application_result.id], { fromTap: true }] }])
  // The worker allowed it: the app reports it to the server (which, with no templates set up, keeps nothing).
  await phone.waitForTextWhere(() => subscriptionPosts().length === 1, 'POST /me/subscriptions after the allow')
  // The same report as the app's answers plainly, never an error, when the server has no WeChat set up.
  const res = await serverApi(() => s.server.baseUrl).call('/me/subscriptions', {
    token,
    method: 'POST',
    key: `weapp-subscribe-${process.pid}`,
    body: { code: 'weapp-test-code', templateIds: [templates.application_result.id] },
  })
  expect(res).toMatchObject({ status: 200, body: { items: [] } })
})

test('坐车: confirming 我要坐这趟车 asks, from the tap, for the transport template only', async () => {
  const phone = s.phone
  await phone.navigateTo('/packages/transport/pages/list/index')
  await phone.waitForText('我要坐这趟车')
  const before = asks().length
  const posts = subscriptionPosts().length

  await phone.tap('我要坐这趟车', { exact: true })
  await phone.waitForText('确定报名这趟车吗？')
  await phone.tap('确定报名', { exact: true })

  await phone.waitForText('报名成功，给您留了座位')
  expect(asks().slice(before)).toEqual([{ api: 'requestSubscribeMessage', args: [[templates.transport_notice.id], { fromTap: true }] }])
  await phone.waitForTextWhere(() => subscriptionPosts().length === posts + 1, 'POST /me/subscriptions after the allow')
})
