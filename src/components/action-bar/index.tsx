import { View } from '@tarojs/components'
import './index.scss'

/**
 * The page's main actions (打电话 / 我要报名) pinned to the bottom of the screen, in reach of the thumb wherever the
 * worker has scrolled to. It leaves room under the page's last lines, so nothing is ever hidden behind it.
 */
export function ActionBar({ children, label = '主要操作' }: { children: React.ReactNode; label?: string }) {
  return (
    <>
      <View className='action-bar__spacer' />
      <View className='action-bar' role='region' aria-label={label}>
        {children}
      </View>
    </>
  )
}
