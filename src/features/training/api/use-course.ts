import { api, useApi } from '@/api'

export function useCourse(id: number) {
  return useApi(api.getCourse, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}
