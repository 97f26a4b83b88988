/** The export is not cached anywhere, and holds the worker's unused photos and who of the staff read their data. */
import { z } from 'zod/mini'
import { api } from '../../types'
import { bearer, signIn } from '../test-support/accounts'
import { jpeg, multipart } from '../test-support/images'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'

const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })

test('export: Cache-Control no-store, my unused photos, and each staff read of my data (who, when, what)', async () => {
  const w = await signIn(t.app, '13700990001')
  const other = await signIn(t.app, '13700990002')
  const kunshan = await t.staffToken('kunshan')

  const { payload, headers } = multipart(jpeg())
  const uploaded = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(w.token), ...headers }, payload })
  expect(uploaded.statusCode).toBe(201)

  const station = await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'station-kunshan').executeTakeFirstOrThrow()
  const job = await t.db.selectFrom('jobs').select('id').where('source_station_id', '=', station.id).where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow()
  for (const x of [w, other]) {
    const applied = await t.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/applications`, headers: { ...bearer(x.token), 'idempotency-key': key() }, payload: {} })
    expect(applied.statusCode).toBe(200)
  }
  t.clock.set(new Date(T0.getTime() + 60_000))
  expect((await t.app.inject({ url: `/api/staff/jobs/${job.id}/applications`, headers: bearer(kunshan) })).statusCode).toBe(200)

  const res = await t.app.inject({ url: '/api/me/export', headers: bearer(w.token) })
  expect(res.statusCode).toBe(200)
  expect(res.headers['cache-control']).toBe('no-store')
  const exported = z.parse(api.exportMe.response, res.json())
  expect(exported.records.unusedUploads).toEqual([{ id: uploaded.json().id, contentType: 'image/jpeg', sizeBytes: uploaded.json().sizeBytes, createdAt: T0.toISOString() }])
  expect(exported.accessLog).toEqual([
    expect.objectContaining({ at: t.clock().toISOString(), action: 'applicant_phone', actionLabel: '查看报名人电话', staff: expect.stringMatching(/\S/) }),
  ])
  // Only entries about me.
  const mine = await t.db.selectFrom('access_log').select('id').where('user_id', '=', w.user.id).execute()
  expect(exported.accessLog).toHaveLength(mine.length)
})
