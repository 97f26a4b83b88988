import type { RequestOf } from '@contract/endpoint'

/** What an endpoint takes as its body, for the workbench's calls that pass a form's body through. */
export type BodyOf<E> = RequestOf<E> extends { body: infer B } ? B : never
export type QueryOf<E> = NonNullable<RequestOf<E> extends { query?: infer Q } ? Q : never>
export type ParamsOf<E> = RequestOf<E> extends { params: infer P } ? P : never
