import { Text, View } from '@tarojs/components'
import { BigButton } from '../big-button'
import './index.scss'

interface Props {
  count: number
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
}

/** Under a paged list: more loads on scroll, and the button is there for anyone who does not scroll. */
export function ListFooter({ count, hasMore, loadingMore, onLoadMore }: Props) {
  if (loadingMore) {
    return (
      <View className='list-footer'>
        <Text>正在加载更多…</Text>
      </View>
    )
  }
  if (hasMore) {
    return (
      <View className='list-footer'>
        <BigButton variant='secondary' onClick={onLoadMore}>
          加载更多
        </BigButton>
      </View>
    )
  }
  return (
    <View className='list-footer'>
      <Text>共 {count} 条，已经到底了</Text>
    </View>
  )
}
