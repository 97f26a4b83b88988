import path from 'node:path'
import { Writable } from 'node:stream'
import SQLite from 'better-sqlite3'
import { z } from 'zod/mini'
import { api, idNumberCheckChar } from '../../types'
import { bearer, lastCode, nextIp, signIn } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'
import { buildTestApp, usesPostgres } from '../test-support/test-app'

const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0, seed: false })

const ID17 = '11010519491231002'
const ID = ID17 + idNumberCheckChar(ID17) // 11010519491231002X

const get = (token: string, url = '/api/me') => t.app.inject({ url, headers: bearer(token) })
const patch = (token: string, body: object, idempotencyKey = key()) =>
  t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': idempotencyKey }, payload: body })
const consent = (token: string, kind: string, granted: boolean) =>
  t.app.inject({ method: 'POST', url: '/api/me/consents', headers: bearer(token), payload: { kind, version: '2026-11', granted } })

test('a new account is empty, with a masked phone', async () => {
  const { token } = await signIn(t.app, '13900000002')
  const me = z.parse(api.getMe.response, (await get(token)).json())
  expect(me).toMatchObject({ name: null, phone: '139****0002', idNumber: null, trades: [], skills: '', workingAway: null, consents: [], wechatLinked: false })
})

const unanswered = { workingAway: null, returnedHome: null, willingToGoOut: null, povertyAlleviated: null, workedAwayLastYear: null }

test('saving only a name leaves every yes/no question unanswered (null), not 否', async () => {
  const { token } = await signIn(t.app, '13900000012')
  const res = await patch(token, { name: '马小花' })
  expect(res.statusCode).toBe(200)
  expect(res.json()).toMatchObject({ name: '马小花', ...unanswered })
  expect(z.parse(api.getMe.response, (await get(token)).json())).toMatchObject(unanswered)
  const row = await t.db.selectFrom('users').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow()
  expect(row).toMatchObject({ working_away: null, returned_home: null, willing_to_go_out: null, poverty_alleviated: null, worked_away_last_year: null })

  // 否 is recorded when chosen, and an answer can be taken back to unknown.
  const answered = await patch(token, { willingToGoOut: false, povertyAlleviated: true })
  expect(answered.json()).toMatchObject({ ...unanswered, willingToGoOut: false, povertyAlleviated: true })
  expect((await patch(token, { povertyAlleviated: null })).json()).toMatchObject({ ...unanswered, willingToGoOut: false })
})

test('PATCH updates the ledger fields; null clears; the replay is identical', async () => {
  const { token } = await signIn(t.app, '13900000003')
  const body = {
    name: '李建国',
    hometownTownship: '洛门镇',
    hometownVillage: '大柳村',
    trades: ['电工', '电焊工'],
    skills: '持低压电工证',
    workingAway: true,
    currentCity: '无锡市',
    willingToGoOut: true,
    povertyAlleviated: true,
  }
  const k = key()
  const res = await patch(token, body, k)
  expect(res.statusCode).toBe(200)
  expect(res.json()).toMatchObject({ ...body, phone: '139****0003', returnedHome: null })
  const replay = await patch(token, body, k)
  expect(replay.headers['idempotent-replayed']).toBe('true')
  expect(replay.json()).toEqual(res.json())
  const row = await t.db.selectFrom('users').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow()
  expect(row).toMatchObject({ hometown_township: '洛门镇', working_away: 1, poverty_alleviated: 1 })

  const cleared = await patch(token, { hometownVillage: null, currentCity: null, workingAway: false })
  expect(cleared.json()).toMatchObject({ hometownVillage: null, currentCity: null, workingAway: false, name: '李建国' })
})

test('PATCH validates in Chinese: township, name, ID check digit', async () => {
  const { token } = await signIn(t.app, '13900000004')
  await consent(token, 'id_number', true)
  const bad = await patch(token, { hometownTownship: '北京', name: 'x' })
  expect(bad.statusCode).toBe(400)
  expect(Object.keys(bad.json().error.fields).sort()).toEqual(['hometownTownship', 'name'])
  const wrongDigit = ID17 + (idNumberCheckChar(ID17) === '1' ? '2' : '1')
  const res = await patch(token, { idNumber: wrongDigit })
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields.idNumber).toMatch(/身份证号/)
  expect((await patch(token, { idNumber: '1234' })).json().error.fields.idNumber).toMatch(/18位/)
})

test('an ID number needs the consent; it is masked and encrypted at rest', async () => {
  const { token, user } = await signIn(t.app, '13900000005')
  const refused = await patch(token, { idNumber: ID })
  expect(refused.statusCode).toBe(409)
  expect(refused.json().error.message).toMatch(/^请先同意提供身份证号/)

  expect((await consent(token, 'id_number', true)).json().consents).toEqual([
    { kind: 'id_number', version: '2026-11', granted: true, at: t.clock().toISOString() },
  ])
  const saved = await patch(token, { idNumber: ID.toLowerCase() })
  expect(saved.statusCode).toBe(200)
  expect(saved.json().idNumber).toBe('1101**********002X')
  expect((await get(token)).json().idNumber).toBe('1101**********002X')
  expect((await get(token)).body).not.toContain(ID)

  const row = await t.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow()
  expect(JSON.stringify(row)).not.toContain(ID)
  expect(JSON.stringify(row)).not.toContain('13900000005')
  if (!usesPostgres()) {
    // The file itself, read past the app: neither number is in it.
    const file = new SQLite(path.join(t.config.dataDir, 'app.db'), { readonly: true })
    try {
      const raw = file.prepare('select * from users').all()
      expect(JSON.stringify(raw)).not.toMatch(new RegExp(`${ID}|13900000005`))
    } finally {
      file.close()
    }
  }

  // Withdrawing the consent erases the number.
  const withdrawn = await consent(token, 'id_number', false)
  expect(withdrawn.json().idNumber).toBeNull()
  expect((await t.db.selectFrom('users').select('id_number_enc').where('id', '=', user.id).executeTakeFirstOrThrow()).id_number_enc).toBeNull()
  expect((await patch(token, { idNumber: ID })).statusCode).toBe(409)
})

test('withdrawing location erases the current city; consents show the latest per kind', async () => {
  const { token } = await signIn(t.app, '13900000006')
  await consent(token, 'location', true)
  await patch(token, { currentCity: '昆山市' })
  await consent(token, 'privacy_notice', true)
  const res = await consent(token, 'location', false)
  expect(res.json().currentCity).toBeNull()
  expect(res.json().consents.map((c: { kind: string; granted: boolean }) => [c.kind, c.granted])).toEqual([
    ['privacy_notice', true],
    ['location', false],
  ])
})

test('export holds everything about me, unmasked, and nothing about anyone else', async () => {
  const a = await signIn(t.app, '13900000007')
  const b = await signIn(t.app, '13900000008')
  await consent(a.token, 'id_number', true)
  await patch(a.token, { name: '王芳', idNumber: ID })
  await patch(b.token, { name: '赵强' })

  expect((await get(a.token)).json().name).toBe('王芳')
  expect((await get(b.token)).json().name).toBe('赵强')

  const res = await get(a.token, '/api/me/export')
  expect(res.statusCode).toBe(200)
  const exported = z.parse(api.exportMe.response, res.json())
  expect(exported.profile).toMatchObject({ id: a.user.id, name: '王芳', phone: '13900000007', idNumber: ID })
  expect(exported.consents).toEqual([expect.objectContaining({ kind: 'id_number', granted: true })])
  expect(exported.sessions.length).toBeGreaterThanOrEqual(1)
  expect(Object.keys(exported.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt', 'lastUsedAt'])
  // Each area lists what it holds about the worker; this worker has done nothing yet, so every list is empty.
  expect(Object.keys(exported.records).length).toBeGreaterThan(0)
  for (const [area, rows] of Object.entries(exported.records)) expect([area, rows]).toEqual([area, []])
  expect(res.body).not.toMatch(/赵强|13900000008/)
  const hashes = await t.db.selectFrom('sessions').select('token_hash').execute()
  for (const h of hashes) expect(res.body).not.toContain(h.token_hash)
})

test('delete: personal fields erased, the token dies, signing in again starts a new empty account', async () => {
  const phone = '13900000009'
  const { token, user } = await signIn(t.app, phone)
  await consent(token, 'id_number', true)
  await patch(token, { name: '孙丽', idNumber: ID, hometownVillage: '马坪村', currentCity: '宁波市', trades: ['普工'] })
  const res = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(token) })
  expect(res.json()).toEqual({ deleted: true })
  expect((await get(token)).statusCode).toBe(401)

  const row = await t.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow()
  expect(row).toMatchObject({
    phone_hash: null,
    phone_enc: null,
    wechat_openid_hash: null,
    name: null,
    hometown_village: null,
    id_number_enc: null,
    current_city: null,
    trades: '[]',
    skills: '',
  })
  expect(row.deleted_at).not.toBeNull()
  expect(await t.db.selectFrom('consents').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0)
  expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0)
  expect(await t.db.selectFrom('idempotency_keys').select('id').where('scope', 'like', `worker:${user.id} %`).execute()).toHaveLength(0)

  t.clock.set(new Date(t.clock().getTime() + 61_000))
  const again = await signIn(t.app, phone)
  expect(again.user.id).not.toBe(user.id)
  expect(again.user).toMatchObject({ name: null, idNumber: null, trades: [], consents: [] })
})

test('the phone number never reaches the log across a full sign-in', async () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const logged = await buildTestApp({ clock: t.clock, seed: false, logger: { level: 'debug', stream } })
  try {
    const phone = '13812345678'
    const { token } = await signIn(logged.app, phone)
    await logged.app.inject({ method: 'POST', url: '/api/me/consents', headers: bearer(token), payload: { kind: 'id_number', version: '1', granted: true } })
    await logged.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': key() }, payload: { idNumber: ID } })
    await logged.app.inject({ url: '/api/me/export', headers: bearer(token) })
    await logged.app.inject({ url: `/api/dev/sms-outbox?phone=${phone}` })
    await logged.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, code: '000000' }, remoteAddress: nextIp() })
    const log = lines.join('')
    expect(log).toContain('138****5678') // the console provider's masked line
    expect(log).toContain('/api/dev/sms-outbox')
    expect(log).not.toContain(phone)
    expect(log).not.toContain(ID)
    expect(log).not.toContain(token)
    expect(log).not.toContain(await lastCode(logged.app, phone))
  } finally {
    await logged.close()
  }
})
