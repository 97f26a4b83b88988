import { Text, View } from '@tarojs/components'
import { BigButton } from '../big-button'
import { SavedNote } from '../saved-note'
import './index.scss'

interface Props {
  loading: boolean
  /** Any error with a plain-Chinese `message` (ApiError in practice). */
  error?: { message: string } | null
  /** True when the data arrived but there is nothing to show. */
  empty?: boolean
  /** What to say when empty, and what to do about it. */
  emptyText?: string
  emptyHint?: string
  /** Shown under the empty text: what the person can tap instead (e.g. a wider search). */
  emptyActions?: React.ReactNode
  onRetry?: () => void
  /** When what is shown is the copy saved on the phone (no signal): said above it, empty or not, with 刷新. */
  savedAt?: string | null
  children?: React.ReactNode
}

/**
 * The three states every page that loads data has before its content: loading, failed (with 重试), empty.
 * Shows `children` once there is something to show.
 */
export function StateView({ loading, error, empty, emptyText = '这里还没有内容', emptyHint, emptyActions, onRetry, savedAt, children }: Props) {
  if (loading) {
    return (
      <View className='state-view state-view--loading' aria-live='polite'>
        <View className='state-view__spinner' />
        <Text className='state-view__title'>正在加载…</Text>
      </View>
    )
  }
  if (error) {
    return (
      <View className='state-view state-view--error' aria-live='assertive'>
        <Text className='state-view__title'>没有加载出来</Text>
        <Text className='state-view__text'>{error.message}</Text>
        {onRetry && (
          <BigButton className='state-view__action' onClick={onRetry}>
            重试
          </BigButton>
        )}
      </View>
    )
  }
  const saved = savedAt ? <SavedNote savedAt={savedAt} onRetry={onRetry} /> : null
  if (empty) {
    return (
      <>
        {saved}
        <View className='state-view'>
          <Text className='state-view__title'>{emptyText}</Text>
          {emptyHint && <Text className='state-view__text'>{emptyHint}</Text>}
          {emptyActions}
        </View>
      </>
    )
  }
  return (
    <>
      {saved}
      {children}
    </>
  )
}
