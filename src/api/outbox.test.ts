import Taro from '@tarojs/taro'
import { dismissOutboxEntry, flushOutbox, onOutboxDelivered, readOutbox, submit } from '.'
import { logout } from '@contract/auth'
import { updateMe } from '@contract/me'
import type * as WorklogContract from '@contract/worklog'
import type * as ApiModule from '.'

jest.mock('@tarojs/taro', () => jest.requireActual('../../tests/support/app/taro-storage-double').taroStorageDouble())

const taroRequest = Taro.request as unknown as jest.Mock
const answer = (data: unknown, statusCode = 200) => Promise.resolve({ statusCode, data, header: {} })
const offline = () => Promise.reject({ errMsg: 'request:fail' })
const me = {
  id: 1, name: '王小明', phone: '139****0002', hometownTownship: null, hometownVillage: null, idNumber: null,
  trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: false,
  povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-11-26T00:00:00.000Z',
}

beforeEach(() => {
  taroRequest.mockReset()
  for (const e of readOutbox()) dismissOutboxEntry(e.id)
})

test('a write that reaches the server is not queued', async () => {
  taroRequest.mockReturnValueOnce(answer(me))
  const result = await submit('updateMe', updateMe, { body: { name: '王小明' } }, { label: '修改资料' })
  expect(result).toEqual({ queued: false, data: me })
  expect(readOutbox()).toHaveLength(0)
})

test('a write made offline is kept on the device and sent later with the same key, exactly once', async () => {
  taroRequest.mockImplementation(offline)
  const result = await submit('updateMe', updateMe, { body: { name: '王小明' } }, { label: '修改资料' })
  expect(result.queued).toBe(true)
  const [entry] = readOutbox()
  expect(entry).toMatchObject({ name: 'updateMe', label: '修改资料', state: 'pending', req: { body: { name: '王小明' } } })
  const firstKey = taroRequest.mock.calls[0][0].header['Idempotency-Key']
  expect(entry.id).toBe(firstKey)

  // Still offline: the entry stays, its next try pushed back.
  taroRequest.mockReset().mockImplementation(offline)
  await flushOutbox(true)
  expect(readOutbox()[0]).toMatchObject({ state: 'pending', attempts: 2 })
  expect(readOutbox()[0].nextAttemptAt).toBeGreaterThan(entry.nextAttemptAt)

  // Back online.
  const delivered = jest.fn()
  const unlisten = onOutboxDelivered(delivered)
  taroRequest.mockReset().mockReturnValue(answer(me))
  await flushOutbox(true)
  unlisten()
  expect(readOutbox()).toHaveLength(0)
  expect(taroRequest).toHaveBeenCalledTimes(1)
  expect(taroRequest.mock.calls[0][0].header['Idempotency-Key']).toBe(firstKey)
  expect(delivered).toHaveBeenCalledWith(expect.objectContaining({ data: me }))
})

test('an entry not yet due waits for its turn unless forced', async () => {
  taroRequest.mockImplementation(offline)
  await submit('updateMe', updateMe, { body: { name: '王小明' } }, { label: '修改资料' })
  taroRequest.mockReset().mockReturnValue(answer(me))
  await flushOutbox()
  expect(taroRequest).not.toHaveBeenCalled()
  expect(readOutbox()).toHaveLength(1)
})

test('a write the server refuses stays visible with what to fix until the worker dismisses it', async () => {
  taroRequest.mockImplementation(offline)
  await submit('updateMe', updateMe, { body: { name: '王小明' } }, { label: '修改资料' })
  const refusal = { error: { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: { name: '姓名至少2个字' } } }
  taroRequest.mockReset().mockReturnValue(answer(refusal, 400))
  await flushOutbox(true)
  const [entry] = readOutbox()
  expect(entry).toMatchObject({ state: 'refused', error: { code: 'VALIDATION_FAILED', fields: { name: '姓名至少2个字' } } })
  // A refused entry is never resent on its own.
  taroRequest.mockClear()
  await flushOutbox(true)
  expect(taroRequest).not.toHaveBeenCalled()
  dismissOutboxEntry(entry.id)
  expect(readOutbox()).toHaveLength(0)
})

test('a refusal at the first try is thrown to the form, not queued', async () => {
  taroRequest.mockReturnValue(answer({ error: { code: 'CONFLICT', message: '已经报过名了' } }, 409))
  await expect(submit('updateMe', updateMe, { body: { name: '王小明' } }, { label: '修改资料' })).rejects.toMatchObject({ code: 'CONFLICT' })
  expect(readOutbox()).toHaveLength(0)
})

test('only keyed writes may be queued', async () => {
  await expect(submit('logout' as never, logout as never, {} as never, { label: '退出' })).rejects.toThrow(/keyed write/)
})

test('a day of the work log kept from an earlier session waits, untouched, until the log registers its writes', async () => {
  const { logWorklogDay } = jest.requireActual<typeof WorklogContract>('@contract/worklog')
  const { registerQueuedWrites } = jest.requireActual<typeof ApiModule>('.')
  const body = { employerId: 7, date: '2026-05-20', kind: 'day_work', days: 1 }
  // Left on the phone by an earlier session: this one has not loaded the log's code.
  Taro.setStorageSync('wgt.outbox', [{ id: 'k-1234567890abcdef', name: 'logWorklogDay', req: { body }, label: '记工 5月20日', createdAt: '2026-05-20T10:00:00.000Z', attempts: 1, nextAttemptAt: 0, state: 'pending' }])
  await flushOutbox(true)
  expect(taroRequest).not.toHaveBeenCalled()
  expect(readOutbox()[0]).toMatchObject({ state: 'pending', attempts: 1 })

  const logged = { id: 1, employerId: 7, date: '2026-05-20', kind: 'day_work', days: 1, hours: null, overtimeHours: 0, quantity: null, rateFen: null, amountFen: null, earnedFen: 30000, note: '', enteredAt: '2026-05-21T00:00:00.000Z', clientEnteredAt: '2026-05-20T10:00:00.000Z', onTheDay: true, correctedAt: null }
  taroRequest.mockReturnValue(answer(logged))
  registerQueuedWrites({ logWorklogDay })
  await flushOutbox(true)
  expect(readOutbox()).toHaveLength(0)
  expect(taroRequest).toHaveBeenCalledTimes(1)
  expect(taroRequest.mock.calls[0][0]).toMatchObject({ method: 'POST', url: expect.stringContaining('/me/worklog/days'), header: expect.objectContaining({ 'Idempotency-Key': 'k-1234567890abcdef' }) })
})
