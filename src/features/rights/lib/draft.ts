/**
 * The request for help as the worker types it, kept on the device (Taro storage) so closing the app loses
 * nothing. The idempotency key is part of the draft: every retry of this submission reuses it, so however
 * often the worker taps 提交, the server records one case.
 */
import Taro from '@tarojs/taro'
import { newIdempotencyKey, readOutbox, type OutboxEntry } from '@/api'
import type { ContactTime, CreateRightsRequestBody, RightsCategory } from '@contract/rights'

export interface DraftPhoto {
  id: string
  /** The local temp path, for the thumbnail (may not survive a restart on H5). */
  path: string
  /** Chosen without a network: not on the server yet (`id` is a local one), uploaded before the form is sent. */
  pending?: boolean
}

export interface RightsDraft {
  step: number
  category: RightsCategory | ''
  description: string
  employerName: string
  workCity: string
  workAddress: string
  /** 'YYYY-MM' or '' */
  workedFrom: string
  /** 'YYYY-MM', '' not chosen yet, 'now' still working there */
  workedTo: string
  /** As typed: digits */
  amountOwedYuan: string
  workersAffected: string
  contactName: string
  /** '' = the account's phone */
  contactPhone: string
  contactTime: ContactTime
  photos: DraftPhoto[]
  /** 记工: the employer whose log goes with the case as its evidence sheet, and that sheet's digest as it was shown. */
  worklogEmployerId?: number
  worklogDigest?: string
  idempotencyKey: string
  /**
   * Submitted without a network: the outbox holds it under `idempotencyKey` and sends it. The draft stays until the
   * server has it (or refuses it, to be fixed here), so nothing is lost; see openDraft.
   */
  queued?: boolean
}

export const draftStorageKey = 'wgt.rights.draft.v1'
export const draftSaveDelayMs = 400

export function emptyDraft(): RightsDraft {
  return {
    step: 0,
    category: '',
    description: '',
    employerName: '',
    workCity: '',
    workAddress: '',
    workedFrom: '',
    workedTo: '',
    amountOwedYuan: '',
    workersAffected: '1',
    contactName: '',
    contactPhone: '',
    contactTime: 'any',
    photos: [],
    idempotencyKey: newIdempotencyKey(),
  }
}

export function loadDraft(): RightsDraft {
  try {
    const stored = Taro.getStorageSync(draftStorageKey) as Partial<RightsDraft> | string | undefined
    const value = typeof stored === 'string' ? (JSON.parse(stored) as Partial<RightsDraft>) : stored
    if (value && typeof value === 'object' && typeof value.idempotencyKey === 'string') return { ...emptyDraft(), ...value }
  } catch {
    // a damaged draft: start again
  }
  return emptyDraft()
}

/**
 * The draft the form opens with, agreed with the outbox: a request kept for later is `waiting` while the outbox still
 * holds it; once it is sent (or the worker gave it up) it is gone from the outbox, and the form starts a new request
 * with a new key; refused, it comes back into the form with the server's reasons, to fix and submit again.
 */
export function openDraft(): { draft: RightsDraft; waiting?: OutboxEntry; refused?: OutboxEntry } {
  const draft = loadDraft()
  if (!draft.queued) return { draft }
  const entry = readOutbox().find((e) => e.id === draft.idempotencyKey)
  if (!entry) {
    clearDraft()
    return { draft: emptyDraft() }
  }
  if (entry.state === 'pending') return { draft, waiting: entry }
  // The refused key is not recorded by the server: the fixed request goes with a new one.
  return { draft: { ...draft, queued: false, idempotencyKey: newIdempotencyKey() }, refused: entry }
}

export function saveDraft(draft: RightsDraft): void {
  try {
    Taro.setStorageSync(draftStorageKey, JSON.stringify(draft))
  } catch {
    // storage full or unavailable: the form still works, only the draft is not kept
  }
}

export function clearDraft(): void {
  try {
    Taro.removeStorageSync(draftStorageKey)
  } catch {
    // nothing to clear
  }
}

/** Whether the worker has typed anything worth offering to continue. */
export function hasContent(d: RightsDraft): boolean {
  return Boolean(d.category || d.description.trim() || d.employerName.trim() || d.photos.length)
}

const toNumber = (text: string): number | null => {
  const t = text.trim()
  return t === '' ? null : /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN
}

/** The request body for a draft: blanks left out, so the server's defaults (account phone and name) apply. */
export function bodyOf(d: RightsDraft): CreateRightsRequestBody {
  const amount = toNumber(d.amountOwedYuan)
  const workers = toNumber(d.workersAffected)
  return {
    category: d.category as RightsCategory,
    description: d.description,
    employerName: d.employerName,
    workCity: d.workCity,
    workAddress: d.workAddress,
    workedFrom: d.workedFrom,
    workedTo: d.workedTo === 'now' || d.workedTo === '' ? null : d.workedTo,
    ...(amount !== null ? { amountOwedYuan: amount } : {}),
    ...(workers !== null ? { workersAffected: workers } : {}),
    ...(d.contactName.trim() ? { contactName: d.contactName } : {}),
    ...(d.contactPhone.trim() ? { contactPhone: d.contactPhone } : {}),
    contactTime: d.contactTime,
    attachmentIds: d.photos.filter((p) => !p.pending).map((p) => p.id),
    ...(d.worklogEmployerId ? { worklogEmployerId: d.worklogEmployerId } : {}),
  }
}
