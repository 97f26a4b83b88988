/**
 * A search with nothing else to narrow it walks its word's index entries in posted order (0039): the entries carry
 * their posting's time, filled by the database, and pages follow each other by the cursor as the plain list does.
 */
import { z } from 'zod/mini'
import { api } from '../../types'
import { jobPostingBody } from '../test-support/bodies'
import { useTestApp } from '../test-support/harness'

const t = useTestApp({ config: (config) => ({ ...config, responseCacheMs: 0 }) })
const WORD = '序走测试'
const ids: number[] = []

beforeAll(async () => {
  const kunshan = await t.staffToken('kunshan')
  for (const n of [1, 2, 3]) {
    t.clock.set(new Date(t.clock().getTime() + 60_000))
    const res = await t.post(kunshan, '/api/staff/jobs', { ...jobPostingBody, title: `${WORD}${n}号岗位` })
    expect(res.statusCode).toBe(201)
    ids.push(res.json().id)
  }
})

async function page(query: string) {
  const res = await t.get(null, `/api/jobs?q=${encodeURIComponent(WORD)}&${query}`)
  expect(res.statusCode).toBe(200)
  return z.parse(api.listJobs.response, res.json())
}

test('each index entry carries its posting’s time', async () => {
  const entries = await t.db.selectFrom('job_terms').innerJoin('jobs', 'jobs.id', 'job_terms.job_id').select(['job_terms.posted_at as entry', 'jobs.posted_at as posting']).where('job_terms.job_id', 'in', ids).execute()
  expect(entries.length).toBeGreaterThan(ids.length)
  for (const e of entries) expect(e.entry).toBe(e.posting)
})

test('a search reads newest first, and the cursor carries on where the page ended', async () => {
  const first = await page('limit=2')
  expect(first.items.map((j) => j.id)).toEqual([ids[2], ids[1]])
  expect(first.nextCursor).not.toBeNull()
  const second = await page(`limit=2&cursor=${first.nextCursor}`)
  expect(second.items.map((j) => j.id)).toEqual([ids[0]])
  expect(second.nextCursor).toBeNull()
})
