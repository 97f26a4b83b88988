import { z } from 'zod/mini'

/** Every failure, on every endpoint, has this one shape. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
}

/** The sentence a worker reads when nothing more specific applies. */
export const defaultMessage: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改后再提交',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '没有权限做这件事',
  NOT_FOUND: '没有找到，可能已被删除',
  CONFLICT: '现在不能这样操作，请刷新后再试',
  PAYLOAD_TOO_LARGE: '内容太大了，请减少后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务器出了点问题，请稍后再试',
  /** The database is away or cannot write; worth retrying in a moment. */
  UNAVAILABLE: '服务暂时忙，请稍后再试',
}

export const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** field path (dots for nesting) → what to fix, in plain Chinese */
    fields: z.optional(z.record(z.string(), z.string())),
    /** seconds to wait, for RATE_LIMITED */
    retryAfter: z.optional(z.number()),
  }),
})
export type ErrorBody = z.infer<typeof errorBody>
