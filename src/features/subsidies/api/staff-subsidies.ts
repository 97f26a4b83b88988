/** The workbench's side of 补贴: schemes, the review queue and its decisions, the 公示 list, payment. */
import { request, useApi, useApiList } from '@/api'
import { uploadSheet } from '@/api/upload-sheet'
import type { RequestOf } from '@contract/endpoint'
import type { Township } from '@contract/places'
import {
  staffAddSubsidyObjection,
  staffCreateSubsidyScheme,
  staffDecideSubsidyClaims,
  staffImportSubsidyPayments,
  staffListSubsidyClaims,
  staffListSubsidySchemes,
  staffMarkSubsidyClaimsPaid,
  staffPublishSubsidyClaims,
  staffSubsidyFigures,
  staffSubsidyPayments,
  staffSubsidyPublicity,
  staffUpdateSubsidyScheme,
  type SubsidyDecisionBody,
  type SubsidySchemeBody,
  subsidyPaymentFileField,
  subsidyPaymentMaxBytes,
} from '@contract/subsidies'

type ClaimsQuery = NonNullable<RequestOf<typeof staffListSubsidyClaims>['query']>

/** Saved on the phone for opening without signal, one per question; `staff-*`, so it goes at sign-out ('@/api' signedInReads). */
const saved = (...parts: Array<string | number | object>) => ['staff-subsidy', ...parts.map((p) => (typeof p === 'object' ? JSON.stringify(p) : String(p)))].join('-')

export const useSubsidySchemes = () => useApi(staffListSubsidySchemes, { query: {} }, { cache: saved('schemes') })
export const createScheme = (body: SubsidySchemeBody, idempotencyKey: string) => request(staffCreateSubsidyScheme, { body }, { idempotencyKey })
/** Changes a scheme (the same whole body as a new one); claims already made keep their amount. */
export const updateScheme = (id: number, body: SubsidySchemeBody) => request(staffUpdateSubsidyScheme, { params: { id }, body })

/** 补贴 totals by scheme, township and month of a year, scoped as the server scopes (a township officer: their township). */
export const useSubsidyFigures = (year: number, enabled: boolean) => useApi(staffSubsidyFigures, { query: { year: String(year) } }, { enabled, cache: saved('figures', year) })

export const useSubsidyClaims = (query: ClaimsQuery) => useApiList(staffListSubsidyClaims, { query }, { cache: saved('claims', query) })

/** One decision for many claims: each is decided on its own, and the answer says which failed and why. */
export const decideClaims = (ids: number[], decision: SubsidyDecisionBody) => request(staffDecideSubsidyClaims, { body: { ids, ...decision } })

export const addObjection = (id: number, text: string, idempotencyKey: string) => request(staffAddSubsidyObjection, { params: { id }, body: { text } }, { idempotencyKey })

/** The 公示 list of a scheme (JSON, for the printable page); the .xlsx comes through the workbench's file download. */
export const usePublicity = (scheme: number, township?: Township) =>
  useApi(staffSubsidyPublicity, { query: { scheme: String(scheme), ...(township ? { township } : {}) } }, { enabled: scheme > 0, cache: saved('publicity', scheme, township ?? '') })
export const publishClaims = (body: RequestOf<typeof staffPublishSubsidyClaims>['body'], idempotencyKey: string) =>
  request(staffPublishSubsidyClaims, { body }, { idempotencyKey })

/** The payment preview (accounts masked); the finance bureau's .xlsx, with accounts in full, is a download. */
export const usePayments = (scheme: number, enabled: boolean) => useApi(staffSubsidyPayments, { query: { scheme: String(scheme) } }, { enabled: enabled && scheme > 0, cache: saved('payments', scheme) })
export const markPaid = (ids: number[], paidOn: string) => request(staffMarkSubsidyClaimsPaid, { body: { ids, paidOn } })

/** Where the two downloads live, under /api: the workbench's file download takes these with `format=xlsx`. */
export const publicityPath = staffSubsidyPublicity.path
export const paymentsPath = staffSubsidyPayments.path

/** The finance bureau's returned sheet (发放结果 已发放 and a date on each paid row), through the workbench's sheet upload. */
export const uploadReturnedPayments = (file: { path: string; name: string; size: number }) =>
  uploadSheet(staffImportSubsidyPayments, file, { field: subsidyPaymentFileField, maxBytes: subsidyPaymentMaxBytes, tooLarge: '请分成几个文件再传' })
