/** A worker's applications and reports: the calls the posting and 我的报名 make. */
import { request, submit, useApiList } from '@/api'
import { applyToJob, listMyApplications, reportJob, type ReportReason, withdrawApplication } from '@contract/jobs'

/** Applies now, or keeps the application on the phone to send later (same key: recorded once). */
export function applyTo(id: number, jobTitle: string, idempotencyKey: string) {
  return submit('applyToJob', applyToJob, { params: { id }, body: {} }, { label: `报名：${jobTitle}`, idempotencyKey })
}

export function reportPosting(id: number, body: { reason: ReportReason; detail: string }, idempotencyKey: string) {
  return request(reportJob, { params: { id }, body }, { idempotencyKey })
}

/** 我的报名, paged; read only for a signed-in worker. */
export function useMyApplications() {
  return useApiList(listMyApplications, { query: {} })
}

export function withdraw(id: number) {
  return request(withdrawApplication, { params: { id } })
}
