import { View } from '@tarojs/components'
import { useElderMode } from '@/lib/elder-mode'

/**
 * The root of every page: `.page` plus `.elder` in 大字模式, so the size variables change for the whole page.
 * (On H5 <html> carries the class as well; on weapp this is the only place it can go.)
 */
export function PageRoot({ className, children }: { className?: string; children?: React.ReactNode }) {
  const [elder] = useElderMode()
  return <View className={`page ${className ?? ''}${elder ? ' elder' : ''}`}>{children}</View>
}
