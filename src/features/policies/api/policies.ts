import { useApi, useApiList } from '@/api'
import type { PolicyCategory } from '@contract'
import { getPolicy, listPolicies, listPolicyFaqs } from '@contract/policies'

export function usePolicies(filter: { category?: PolicyCategory; q?: string }) {
  const query: { category?: PolicyCategory; q?: string } = {}
  if (filter.category) query.category = filter.category
  if (filter.q) query.q = filter.q
  return useApiList(listPolicies, { query })
}

export function usePolicy(id: number) {
  return useApi(getPolicy, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}

export function usePolicyFaqs() {
  return useApi(listPolicyFaqs)
}
