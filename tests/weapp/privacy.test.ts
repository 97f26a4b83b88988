// A phone that has never opened the mini-program: the notice page at first launch, and WeChat's privacy gate
// (onNeedPrivacyAuthorization) in front of getLocation, released by the app's agree button.
import { sessionStartTimeout, startSession, stopSession, type WeappSession } from './support/session'

let s: WeappSession
beforeAll(async () => {
  s = await startSession({ settings: { privacyAgreed: false } })
}, sessionStartTimeout)
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

test('first launch opens the privacy notice over 找工作; “只随便看看” goes back to the jobs', async () => {
  const phone = s.phone
  await phone.launch()
  expect(phone.hasPrivacyListener()).toBe(true)
  await phone.waitForPage('packages/me/pages/privacy/index')
  expect(phone.current().query.ask).toBe('1')
  await phone.waitForText('收集哪些信息')

  await phone.tap('只随便看看')

  await phone.waitForPage('pages/jobs/index')
  await phone.waitForText(/\d+-\d+ 元\/月/)
})

test('getLocation waits for the notice; agreeing there releases it and the nearest stations show', async () => {
  const phone = s.phone
  await phone.switchTab('/pages/stations/index')
  await phone.waitForText('用我的位置找最近的')

  await phone.tap('用我的位置找最近的')

  // WeChat holds the call and the app shows its notice, with the agree button WeChat requires.
  await phone.waitForPage('packages/me/pages/privacy/index')
  await phone.waitForText('同意')
  await phone.tapId('privacy-agree')

  await phone.waitForPage('pages/stations/index')
  await phone.waitForText('按离您的远近排列')
  expect(phone.settings.privacyAgreed).toBe(true)
})
