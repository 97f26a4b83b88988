/**
 * Where the API lives. The H5 portal is served by the API server itself, so it calls
 * same-origin `/api`; the mini-program needs an absolute https URL registered with WeChat.
 */
export const apiBase: string =
  process.env.TARO_ENV === 'h5' ? '/api' : (process.env.TARO_APP_API_BASE || 'http://localhost:3000/api')

/** A slow mobile network still answers in this time; past it we retry. */
export const requestTimeoutMs = 15000

/** Waits before each retry of a transient failure. */
export const retryDelaysMs = [600, 1800]
