/**
 * The one API client: pages and features import from here, never Taro.request. Endpoints come from their area's
 * contract file (`@contract/jobs`), not the whole-contract `api` map, so a page carries only its own schemas.
 */
export { ApiError, isApiError, type ApiErrorCode } from './api-error'
export { request, type CallOptions } from './client'
export { useApi, useApiList, type ApiState, type ApiListState, type ReadOptions } from './hooks'
export { clearSavedReads, clearSignedInReads, formatSavedAt, readSaved, saveRead, signedInReads } from './read-cache'
export { getToken, setToken, onSessionRefused } from './session'
export { newIdempotencyKey } from './idempotency-key'
export { uploadPhoto } from './upload'
export {
  submit,
  registerQueuedWrites,
  flushOutbox,
  startOutbox,
  dismissOutboxEntry,
  onOutboxChange,
  onOutboxDelivered,
  type OutboxEntry,
  type SubmitResult,
} from './outbox'
export { useOutbox, type OutboxState } from './use-outbox'
export { useOutboxEntries } from './use-outbox-entries'
// Read from the store itself, so a page that only looks at the outbox does not load it.
export { readOutbox, watchOutbox } from './outbox-store'
