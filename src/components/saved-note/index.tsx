import { Text, View } from '@tarojs/components'
import { formatSavedAt } from '@/api'
import { asButton } from '@/lib/a11y'
import './index.scss'

/** Over a list shown from the phone's saved copy: says plainly that it is old and when it was saved. */
export function SavedNote({ savedAt, onRetry }: { savedAt: string | null; onRetry?: () => void }) {
  if (!savedAt) return null
  return (
    <View className='saved-note' role='status' aria-live='polite'>
      <Text className='saved-note__title'>没有网络，下面是已保存于 {formatSavedAt(savedAt)} 的内容</Text>
      <Text className='saved-note__text'>有网络后{onRetry ? '点“刷新”' : '下拉'}看最新的。</Text>
      {onRetry && (
        <View {...asButton} className='saved-note__action' onClick={onRetry}>
          刷新
        </View>
      )}
    </View>
  )
}
