/** Through the server: a right-to-left override or a lone surrogate in free text is 400 with a Chinese message, nothing stored. */
import { hiddenCharsMessage } from '../../types'
import { bearer, signIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ seed: false })
})
afterAll(() => t.close())

test('PATCH /api/me refuses a bidi override in the name and a lone surrogate in skills; plain text still saves', async () => {
  const { token, user } = await signIn(t.app, '13700660001')
  const patch = (raw: string, k: string) =>
    t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': k, 'content-type': 'application/json' }, payload: raw })
  const rlo = await patch(JSON.stringify({ name: '王\u202E明小' }), 'hidden-chars-1')
  expect(rlo.statusCode).toBe(400)
  expect(rlo.json().error.fields).toEqual({ name: hiddenCharsMessage })
  // Written by hand: JSON.stringify would escape it the same way, and JSON.parse gives back the lone half.
  const lone = await patch('{"skills":"会开叉车\\ud800"}', 'hidden-chars-2')
  expect(lone.statusCode).toBe(400)
  expect(lone.json().error.fields).toEqual({ skills: hiddenCharsMessage })
  const row = await t.db.selectFrom('users').select(['name', 'skills']).where('id', '=', user.id).executeTakeFirstOrThrow()
  expect(row).toEqual({ name: null, skills: '' })
  // A whole emoji is a surrogate pair, and fine.
  const ok = await patch(JSON.stringify({ name: '王小明', skills: '会开叉车👍' }), 'hidden-chars-3')
  expect(ok.statusCode).toBe(200)
  expect(ok.json()).toMatchObject({ name: '王小明', skills: '会开叉车👍' })
})
