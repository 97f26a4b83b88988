import { useApi } from '@/api'
import { getCourse } from '@contract/training'

export function useCourse(id: number) {
  return useApi(getCourse, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}
