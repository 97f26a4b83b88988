/**
 * An answer a handler assembles from parts it checked itself (kept job cards) is sent as it is; with
 * checkAssembledAnswers (on under test) the whole is parsed once more, so an assembly that breaks the contract fails.
 */
import { z } from 'zod/mini'
import { endpoint } from '../../types/endpoint'
import { loadConfig } from '../config'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { AssembledJson, route } from './route'

const assembled = endpoint({ method: 'GET', path: '/test/assembled', access: 'public', summary: 'test', query: z.object({ bad: z.optional(z.string()) }), response: z.object({ n: z.number() }) })

const build = (check: boolean) =>
  buildTestApp({
    seed: false,
    config: (config) => ({ ...config, checkAssembledAnswers: check }),
    routes: (app) => route(app, assembled, ({ query }) => new AssembledJson(query.bad ? '{"n":"one"}' : '{"n":1}')),
  })

let checked: TestApp
let trusted: TestApp
beforeAll(async () => {
  checked = await build(true)
  trusted = await build(false)
})
afterAll(async () => {
  await checked.close()
  await trusted.close()
})

test('an assembled answer is sent as assembled, with its ETag', async () => {
  const res = await trusted.app.inject({ url: '/api/test/assembled' })
  expect(res.statusCode).toBe(200)
  expect(res.body).toBe('{"n":1}')
  expect(res.headers.etag).toBeDefined()
})

test('checked, an assembly that breaks the contract is a server error, never sent', async () => {
  expect((await checked.app.inject({ url: '/api/test/assembled' })).statusCode).toBe(200)
  const res = await checked.app.inject({ url: '/api/test/assembled?bad=1' })
  expect(res.statusCode).toBe(500)
  expect(res.body).not.toContain('"one"')
  // Production trusts the parts' own checks and sends it.
  expect((await trusted.app.inject({ url: '/api/test/assembled?bad=1' })).body).toBe('{"n":"one"}')
})

test('CHECK_ASSEMBLED_ANSWERS decides; unset, only the test environment checks', () => {
  expect(loadConfig({ NODE_ENV: 'test' }).checkAssembledAnswers).toBe(true)
  expect(loadConfig({ NODE_ENV: 'development' }).checkAssembledAnswers).toBe(false)
  expect(loadConfig({ NODE_ENV: 'test', CHECK_ASSEMBLED_ANSWERS: '0' }).checkAssembledAnswers).toBe(false)
  expect(loadConfig({ NODE_ENV: 'development', CHECK_ASSEMBLED_ANSWERS: '1' }).checkAssembledAnswers).toBe(true)
})
