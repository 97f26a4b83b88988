import type { RequestOf } from '@contract/endpoint'

/**
 * The name a workbench read is saved under on the phone, for opening it again without signal: one per question asked
 * (a list saved for one filter must not pass for another). Every `staff-*` copy goes at sign-out ('@/api' signedInReads).
 */
export function staffSaved(name: string, ...parts: Array<string | number | object>): string {
  return ['staff', name, ...parts.map((p) => (typeof p === 'object' ? JSON.stringify(p) : String(p)))].join('-')
}

/** The parts of an endpoint's request (body, query, params), for the workbench's calls that pass a form's values through. */
export type BodyOf<E> = RequestOf<E> extends { body: infer B } ? B : never
export type QueryOf<E> = NonNullable<RequestOf<E> extends { query?: infer Q } ? Q : never>
export type ParamsOf<E> = RequestOf<E> extends { params: infer P } ? P : never
