// A worker's and a staff member's records made through the real API before a page opens, as the app's own taps
// would have made them: the pages then have something of theirs to show.
import { serverApi } from '../../e2e/support/api'

/** The bearer token slot of '@/api' (src/api/session.ts): workers and staff share it on a phone. */
export const tokenStorageKey = 'wgt.session.token'

export interface WorkerRecords {
  phone: string
  token: string
  name: string
  application: { id: number; job: { id: number; title: string } }
  enrollment: { id: number; status: string; waitlistPosition: number | null; course: { id: number; title: string } }
  rightsRequest: { trackingNo: string; employerName: string; description: string; workCity: string; station: { name: string; phone: string } | null }
  seat: { id: number; batch: { id: number; destinationCity: string; meetingPoint: string } }
  courseRequest: { trade: string }
}

type Api = ReturnType<typeof serverApi>

let keys = 0
/** A fresh Idempotency-Key per write, as the app makes one per attempt. */
const key = (what: string) => `weapp-${what}-${process.pid}-${++keys}`

async function must(api: Api, path: string, init: Parameters<Api['call']>[1]) {
  const res = await api.call(path, init)
  if (res.status !== 200 && res.status !== 201) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * Signs a worker in with the SMS code from the dev outbox and gives them one of everything a worker has:
 * a name, an application, a course seat, a request for help, a seat on a bus and a 点单 request.
 */
export async function seedWorker(baseUrl: string, phone: string): Promise<WorkerRecords> {
  const api = serverApi(() => baseUrl)
  const token = await api.signIn(phone)
  const as = { token }
  const name = '马建国'
  await must(api, '/me', { ...as, method: 'PATCH', key: key('profile'), body: { name, hometownTownship: '洛门镇', trades: ['电工'] } })

  const jobs = (await must(api, '/jobs', {})).items as { id: number; title: string }[]
  const application = await must(api, `/jobs/${jobs[0].id}/applications`, { ...as, method: 'POST', key: key('apply'), body: { note: '有电工证' } })

  const courses = (await must(api, '/courses', {})).items as { id: number; title: string; mode: string }[]
  const course = courses.find((c) => c.mode !== 'order') ?? courses[0]
  const enrollment = await must(api, `/courses/${course.id}/enrollments`, { ...as, method: 'POST', key: key('enrol'), body: course.mode === 'order' ? { agreeTerms: true } : {} })

  const rightsRequest = await must(api, '/rights-requests', {
    ...as,
    method: 'POST',
    key: key('rights'),
    body: {
      category: 'unpaid_wages',
      description: '在昆山电子厂干了两个月，工资一直没发，老板说再等等。',
      employerName: '昆山宏达电子厂',
      workCity: '昆山市',
      workAddress: '昆山开发区前进路',
      workedFrom: '2025-09',
      amountOwedYuan: 8600,
      workersAffected: 3,
    },
  })

  const batches = (await must(api, '/transport-batches', {})).items as { id: number; status: string; seatsLeft: number }[]
  const batch = batches.find((b) => b.status === 'open' && b.seatsLeft > 0)
  if (!batch) throw new Error('no open transport batch with seats in the seed')
  const seat = await must(api, `/transport-batches/${batch.id}/signups`, { ...as, method: 'POST', key: key('seat') })

  const courseRequest = await must(api, '/course-requests', { ...as, method: 'POST', key: key('order'), body: { trade: '汽车维修工', note: '想在冬天农闲时学' } })

  return { phone, token, name, application, enrollment, rightsRequest, seat, courseRequest }
}

/** Staff sign in with username and password; the app keeps the token in the same slot as a worker's. */
export async function staffSignIn(baseUrl: string, username: string, password: string): Promise<{ token: string; staff: { displayName: string; role: string } }> {
  const api = serverApi(() => baseUrl)
  return must(api, '/staff/login', { method: 'POST', body: { username, password } })
}

/** The seeded county administrator (server/seed). */
export const seededAdmin = { username: 'admin', password: 'wgt-admin-2026' }
