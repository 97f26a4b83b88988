// Taps a worker makes on each tab, on the weapp build under WeChat's engine, against the real server.
import { privacyAcceptedStorage, sessionStartTimeout, startSession, stopSession, type WeappSession } from './support/session'

let s: WeappSession
// The phone stands at the county's Party branch in 无锡 (GCJ-02, as WeChat reports with type 'gcj02').
const wuxiBranch = { name: '武山县驻江苏无锡流动党员党支部', latitude: 31.55031, longitude: 120.36218 }

beforeAll(async () => {
  s = await startSession({
    storage: privacyAcceptedStorage(),
    settings: { position: { latitude: wuxiBranch.latitude, longitude: wuxiBranch.longitude } },
  })
  await s.phone.launch()
}, sessionStartTimeout)
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

async function jobTitles(query: string): Promise<string[]> {
  const res = await fetch(`${s.server.baseUrl}/api/jobs${query}`)
  return ((await res.json()) as { items: { title: string }[] }).items.map((j) => j.title)
}

test('找工作: the 电工 chip narrows the list to electricians’ postings, with their wages', async () => {
  const phone = s.phone
  await phone.switchTab('/pages/jobs/index')
  const all = await jobTitles('')
  const electric = await jobTitles(`?trade=${encodeURIComponent('电工')}`)
  const other = all.find((t) => !electric.includes(t))!
  expect(electric.length).toBeGreaterThan(0)
  await phone.waitForText(other)

  await phone.tap('电工', { exact: true })

  const text = await phone.waitForTextWhere((t) => !t.includes(other) && electric.every((title) => t.includes(title)), `only 电工 postings once 电工 is chosen`)
  for (const title of electric) expect(text).toContain(title)
  expect(text).toMatch(/\d+-\d+ 元\/(月|天|件)/)
})

test('培训: tapping a course card opens its detail with the seats left', async () => {
  const phone = s.phone
  await phone.switchTab('/pages/training/index')
  const res = await fetch(`${s.server.baseUrl}/api/courses`)
  const course = ((await res.json()) as { items: { id: number; title: string; seatsLeft: number }[] }).items[0]
  await phone.waitForText(course.title)

  await phone.tap(course.title)

  const detail = await phone.waitForPage('packages/training/pages/detail/index')
  expect(detail.query.id).toBe(String(course.id))
  await phone.waitForText(`剩 ${course.seatsLeft} 个名额`)
  expect(phone.pages()).toEqual(['pages/training/index', 'packages/training/pages/detail/index'])
})

test('维权: the hotline 12333 is one tap from the dialer', async () => {
  const phone = s.phone
  await phone.switchTab('/pages/rights/index')
  await phone.waitForText('12333')

  await phone.tap('12333')
  // A confirm step is allowed (the number is read out first); the dialer must get 12333 either way.
  if (!phone.calls.some((c) => c.api === 'makePhoneCall')) {
    const text = phone.current().text()
    if (/拨打|呼叫|打电话/.test(text)) await phone.tap('拨打', { exact: true })
  }
  const call = phone.calls.find((c) => c.api === 'makePhoneCall')
  expect(call?.args[0]).toBe('12333')
})

test('找组织: “用我的位置” lists the branch nearest the phone first', async () => {
  const phone = s.phone
  await phone.switchTab('/pages/stations/index')
  await phone.waitForText('用我的位置找最近的')

  await phone.tap('用我的位置找最近的')

  await phone.waitForText('按离您的远近排列')
  // Nearest first: the 无锡 branch comes before the stations of every other city (上海 was first by province).
  const shanghai = '武山县驻上海黄浦流动党员党支部'
  const at = (t: string, name: string) => (t.includes(name) ? t.indexOf(name) : Infinity)
  await phone.waitForTextWhere((t) => at(t, wuxiBranch.name) < at(t, shanghai), `${wuxiBranch.name} listed before ${shanghai}`)
  expect(phone.calls.filter((c) => c.api === 'getLocation').at(-1)?.args[0]).toBe('gcj02')
})

test('我的: 登录 opens the sign-in page with the phone-number form', async () => {
  const phone = s.phone
  await phone.switchTab('/pages/me/index')
  await phone.waitForText('登录')

  await phone.tap('登录', { exact: true })

  await phone.waitForPage('packages/me/pages/sign-in/index')
  await phone.waitForText('获取验证码')
})
