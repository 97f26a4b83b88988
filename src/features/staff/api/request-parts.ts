import type { RequestOf } from '@contract/endpoint'

/** The parts of an endpoint's request (body, query, params), for the workbench's calls that pass a form's values through. */
export type BodyOf<E> = RequestOf<E> extends { body: infer B } ? B : never
export type QueryOf<E> = NonNullable<RequestOf<E> extends { query?: infer Q } ? Q : never>
export type ParamsOf<E> = RequestOf<E> extends { params: infer P } ? P : never
