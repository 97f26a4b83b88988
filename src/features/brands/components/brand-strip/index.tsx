import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import type { Brand, Trade } from '@contract'
import { BigButton } from '@/components/big-button'
import { Dialog } from '@/components/dialog'
import { asButton } from '@/lib/a11y'
import { openPage, openTab } from '@/lib/navigate'
import { useBrands } from '../../api/use-brands'
import './index.scss'

interface Props {
  /** Show the open jobs of the brand's trade (找工作 filters its own list; elsewhere it switches tab). */
  onShowJobs?: (trade: Trade) => void
}

/**
 * 劳务品牌: a compact horizontal strip of the county's labour brands. A tap opens the brand's story with its
 * courses and its trade's open jobs. Says nothing while loading or on failure: it is an extra, not the page.
 */
export function BrandStrip({ onShowJobs }: Props) {
  const { data, loading } = useBrands()
  const [open, setOpen] = useState<Brand | null>(null)
  const items = data?.items ?? []
  if (items.length === 0) {
    // While loading, an empty strip of the same height holds the place, so the page below does not jump.
    return loading ? (
      <View className='brand-strip brand-strip--holding' aria-hidden='true'>
        <Text className='brand-strip__title'>武山劳务品牌</Text>
        <ScrollView scrollX className='brand-strip__scroll' enhanced showScrollbar={false}>
          <View className='brand-strip__card'>
            <Text className='brand-strip__name'>{'\u3000'}</Text>
            <Text className='brand-strip__level'>{'\u3000'}</Text>
          </View>
        </ScrollView>
      </View>
    ) : null
  }
  return (
    <View className='brand-strip'>
      <Text className='brand-strip__title'>武山劳务品牌</Text>
      <ScrollView scrollX className='brand-strip__scroll' enhanced showScrollbar={false}>
        {items.map((b) => (
          <View key={b.id} {...asButton} aria-label={`${b.name}，${b.level}劳务品牌`} className='brand-strip__card' onClick={() => setOpen(b)}>
            <Text className='brand-strip__name'>{b.name}</Text>
            <Text className={`brand-strip__level brand-strip__level--${b.level === '省级' ? 'top' : 'plain'}`}>{b.level}</Text>
          </View>
        ))}
      </ScrollView>
      <Dialog
        open={open !== null}
        title={open ? `${open.name}（${open.level}劳务品牌）` : ''}
        confirmText={open && open.openJobs > 0 ? `看 ${open.openJobs} 个${open.trade}岗位` : '知道了'}
        cancelText='关闭'
        onConfirm={() => {
          const b = open
          setOpen(null)
          if (!b || b.openJobs === 0) return
          if (onShowJobs) onShowJobs(b.trade)
          else openTab('/pages/jobs/index')
        }}
        onCancel={() => setOpen(null)}
      >
        {open && (
          <View>
            <Text className='brand-strip__story'>{open.story}</Text>
            {open.courses.length > 0 && <Text className='brand-strip__sub'>招牌手艺培训班</Text>}
            {open.courses.map((c) => (
              <BigButton
                key={c.id}
                variant='secondary'
                className='brand-strip__course'
                onClick={() => {
                  setOpen(null)
                  openPage(`/packages/training/pages/detail/index?id=${c.id}`)
                }}
              >
                {c.title}
              </BigButton>
            ))}
          </View>
        )}
      </Dialog>
    </View>
  )
}
