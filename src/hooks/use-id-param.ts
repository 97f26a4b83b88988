import { useRouter } from '@tarojs/taro'

/**
 * The record id a page was opened with (`?id=7`, or another parameter's name): a positive whole number, or 0 when
 * the link has none or a broken one. No record has id 0, so `id ? existing : new` and `id > 0` read the same.
 */
export function useIdParam(name = 'id'): number {
  const value = Number(useRouter().params[name])
  return Number.isInteger(value) && value > 0 ? value : 0
}
