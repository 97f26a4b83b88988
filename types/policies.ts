import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, listOf, pageQuery } from './common'
import { noHiddenChars } from './validators'

/** 政策咨询: what a worker most often asks the county about. */
export const policyCategories = ['就业补贴', '培训补贴', '欠薪维权', '社保转移', '返乡创业'] as const
export type PolicyCategory = (typeof policyCategories)[number]
export const policyCategorySchema = z.enum(policyCategories)

export const policySummary = z.object({
  id: z.number(),
  title: z.string(),
  category: policyCategorySchema,
  summary: z.string(),
  updatedAt: isoDateTime,
  isSample: z.boolean(),
})
export type PolicySummary = z.infer<typeof policySummary>

export const policy = z.extend(policySummary, {
  body: z.string(),
  /** Who to ask or where it comes from, e.g. 武山县人社局. */
  source: z.string(),
})
export type Policy = z.infer<typeof policy>

export const listPolicies = endpoint({
  method: 'GET',
  path: '/policies',
  access: 'public',
  summary: 'Articles, newest first; q matches title, summary or text (any length, Chinese included)',
  query: z.object({
    category: z.optional(policyCategorySchema),
    q: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(30, '最多30个字'))),
    ...pageQuery,
  }),
  response: listOf(policySummary),
})

export const getPolicy = endpoint({
  method: 'GET',
  path: '/policies/:id',
  access: 'public',
  summary: 'One article',
  params: idParam,
  response: policy,
})

export const policyFaq = z.object({
  id: z.number(),
  question: z.string(),
  answer: z.string(),
  /** The article that says more, if one. */
  policyId: z.nullable(z.number()),
})
export type PolicyFaq = z.infer<typeof policyFaq>

export const listPolicyFaqs = endpoint({
  method: 'GET',
  path: '/policy-faqs',
  access: 'public',
  summary: 'The questions workers ask most, in the order the county put them',
  response: z.object({ items: z.array(policyFaq) }),
})

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请填写这一项'), z.maxLength(max, `最多${max}个字`))

export const policyFields = {
  title: text(60),
  category: policyCategorySchema,
  summary: text(200),
  body: text(8000),
  source: text(60),
}

/** What staff publish; an edit sends any of these. */
export const policyBody = z.object(policyFields)

export const staffCreatePolicy = endpoint({
  method: 'POST',
  path: '/staff/policies',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Admins only: publish an article',
  body: policyBody,
  response: policy,
})

export const staffUpdatePolicy = endpoint({
  method: 'PATCH',
  path: '/staff/policies/:id',
  access: 'staff',
  idempotent: true,
  summary: 'Admins only: change an article',
  params: idParam,
  body: z.partial(policyBody),
  response: policy,
})
