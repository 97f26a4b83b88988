import type { z } from 'zod/mini'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * Who may call an endpoint. `worker` and `staff` need that kind of token;
 * `optional` reads a token when present (e.g. to mark what a worker already applied to).
 */
export type Access = 'public' | 'optional' | 'worker' | 'staff'

type Schema = z.core.$ZodType

/** `html`: a printable page shown in the browser (or saved with `download=1`), not a spreadsheet. */
export type FileFormat = 'csv' | 'xlsx' | 'html'

export interface Endpoint<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
  A extends Access = Access,
> {
  method: HttpMethod
  /** Fastify-style path under /api, e.g. `/jobs/:id` */
  path: string
  access: A
  params?: P
  query?: Q
  body?: B
  response: R
  /** Status of a success, when not 200 (e.g. 201 for a create). */
  status?: number
  /** Writes that create something take an Idempotency-Key and replay the first answer. */
  idempotent?: boolean
  /** Besides its JSON, a read that may answer a download in these formats (the query's `format` asks for one). */
  files?: readonly FileFormat[]
  /** For the server's readers; the app's builds leave it out (config/lazy-contract.js). */
  summary: string
}

/** Declares an endpoint once; the server registers it and the client calls it from the same object. */
export function endpoint<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
  A extends Access = Access,
>(e: Endpoint<P, Q, B, R, A>): Endpoint<P, Q, B, R, A> {
  return e
}

type InputOf<S> = S extends Schema ? z.input<S> : never
type OutputOf<S> = S extends Schema ? z.output<S> : never

/** What a caller passes: the schemas' inputs, only the parts the endpoint has. */
export type RequestOf<E> = E extends Endpoint<infer P, infer Q, infer B, Schema, Access>
  ? (P extends Schema ? { params: InputOf<P> } : { params?: undefined }) &
      (Q extends Schema ? { query?: InputOf<Q> } : { query?: undefined }) &
      (B extends Schema ? { body: InputOf<B> } : { body?: undefined })
  : never

/** What a handler receives after validation. */
export type ParsedRequestOf<E> = E extends Endpoint<infer P, infer Q, infer B, Schema, Access>
  ? { params: OutputOf<P>; query: OutputOf<Q>; body: OutputOf<B> }
  : never

/** What the caller receives: the response schema's output. */
export type ResponseOf<E> = E extends Endpoint<Schema | undefined, Schema | undefined, Schema | undefined, infer R> ? z.output<R> : never
/** Who an endpoint's handler may be called by. */
export type AccessOf<E> = E extends Endpoint<Schema | undefined, Schema | undefined, Schema | undefined, Schema, infer A> ? A : Access

/** What a handler may return (before the response schema strips and checks it). */
export type ReplyOf<E> = E extends Endpoint<Schema | undefined, Schema | undefined, Schema | undefined, infer R> ? z.input<R> : never
