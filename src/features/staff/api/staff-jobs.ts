/** The workbench's postings: the lists, one posting with its applicants, and each decision on them. */
import { request, useApi, useApiList } from '@/api'
import {
  staffCreateJob,
  staffGetEmployer,
  staffGetJob,
  staffSuspendEmployer,
  staffVerifyEmployerRecord,
  staffJobApplications,
  staffJobsUnderReview,
  staffListJobs,
  staffReviewJob,
  staffSetApplicationStatus,
  staffUpdateJob,
  staffVerifyEmployer,
} from '@contract/staff-jobs'
import { staffSaved, type BodyOf } from './request-parts'

export const useStaffJobs = () => useApiList(staffListJobs, { query: {} }, { cache: staffSaved('jobs') })
export const useJobsUnderReview = () => useApi(staffJobsUnderReview, {}, { cache: staffSaved('jobs-under-review') })
export const useStaffJob = (id: number) => useApi(staffGetJob, { params: { id } }, { cache: staffSaved('job', id) })
export const useJobApplicants = (id: number) => useApi(staffJobApplications, { params: { id } }, { cache: staffSaved('job-applicants', id) })

/** Publishes a posting (no id) or changes one. */
export function saveJob(id: number | null, body: BodyOf<typeof staffCreateJob> | BodyOf<typeof staffUpdateJob>, idempotencyKey: string) {
  return id
    ? request(staffUpdateJob, { params: { id }, body: body as BodyOf<typeof staffUpdateJob> }, { idempotencyKey })
    : request(staffCreateJob, { body: body as BodyOf<typeof staffCreateJob> }, { idempotencyKey })
}

export const verifyEmployer = (id: number) => request(staffVerifyEmployer, { params: { id } })
export const closeJob = (id: number) => request(staffUpdateJob, { params: { id }, body: { status: 'closed' } })
export const reviewJob = (id: number, body: BodyOf<typeof staffReviewJob>) => request(staffReviewJob, { params: { id }, body })
export const setApplicationStatus = (id: number, body: BodyOf<typeof staffSetApplicationStatus>) => request(staffSetApplicationStatus, { params: { id }, body })

export const useStaffEmployer = (id: number) => useApi(staffGetEmployer, { params: { id } }, { cache: staffSaved('employer', id) })
export const verifyEmployerRecord = (id: number, body: BodyOf<typeof staffVerifyEmployerRecord>) => request(staffVerifyEmployerRecord, { params: { id }, body })
export const suspendEmployer = (id: number, body: BodyOf<typeof staffSuspendEmployer>) => request(staffSuspendEmployer, { params: { id }, body })

/**
 * Open postings the caller may feature (a station's own; admins every station's), newest first; with `q`, those
 * the server finds by its words or number. A new `q` is a new list: the hook fetches its first page again.
 */
export const useOpenStaffJobs = (q = '') => useApiList(staffListJobs, { query: q ? { status: 'open', q } : { status: 'open' } })
