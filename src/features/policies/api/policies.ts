import { api, useApi, useApiList } from '@/api'
import type { PolicyCategory } from '@contract'

export function usePolicies(filter: { category?: PolicyCategory; q?: string }) {
  const query: { category?: PolicyCategory; q?: string } = {}
  if (filter.category) query.category = filter.category
  if (filter.q) query.q = filter.q
  return useApiList(api.listPolicies, { query })
}

export function usePolicy(id: number) {
  return useApi(api.getPolicy, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}

export function usePolicyFaqs() {
  return useApi(api.listPolicyFaqs)
}
