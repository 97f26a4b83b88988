import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { stationTypes, type StationType } from '@contract'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { useStations } from '@/features/stations/api/use-stations'
import { StationCard } from '@/features/stations/components/station-card'
import { groupByProvince, stationTypeShort } from '@/features/stations/lib/labels'
import { getPosition, type Position } from '@/features/stations/location'
import './index.scss'

type TypeChoice = StationType | ''
const typeOptions = [{ value: '' as TypeChoice, label: '全部' }, ...stationTypes.map((t) => ({ value: t as TypeChoice, label: stationTypeShort[t] }))]

type LocateState = 'idle' | 'locating' | 'refused'

export default function StationsPage() {
  const [type, setType] = useState<TypeChoice>('')
  const [position, setPosition] = useState<Position | null>(null)
  const [locate, setLocate] = useState<LocateState>('idle')
  const { data, error, loading, refresh } = useStations(type || undefined, position)
  const stations = data?.items ?? []

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const locateMe = async () => {
    setLocate('locating')
    const pos = await getPosition()
    setPosition(pos)
    setLocate(pos ? 'idle' : 'refused')
  }

  const open = (id: number) => openPage(`/packages/stations/pages/detail/index?id=${id}`)

  return (
    <View className='page stations-page'>
      <Text className='stations-page__intro'>
        武山县在外地设有流动党员党支部、劳务工作站和企业直招点。在外打工遇到事，找离您近的组织。
      </Text>
      <Chips<TypeChoice> options={typeOptions} value={type} onChange={setType} />

      {position ? (
        <View className='stations-page__located'>
          <Text>按离您的远近排列</Text>
          <View {...asButton} className='stations-page__link' onClick={() => setPosition(null)}>
            <Text>改为按省份看</Text>
          </View>
        </View>
      ) : (
        <View className='stations-page__locate'>
          <BigButton variant='secondary' onClick={() => void locateMe()}>
            {locate === 'locating' ? '正在获取位置…' : '用我的位置找最近的'}
          </BigButton>
          {locate === 'refused' && (
            <Text className='stations-page__hint'>没有拿到您的位置（可能没有允许定位）。下面按省份列出，找您所在的省就行。</Text>
          )}
        </View>
      )}

      <StateView
        loading={loading}
        error={error}
        empty={stations.length === 0}
        emptyText='这一类还没有组织'
        emptyHint='点“全部”看看其他组织'
        onRetry={() => void refresh()}
      >
        {position
          ? stations.map((s) => <StationCard key={s.id} station={s} onOpen={open} />)
          : groupByProvince(stations).map((g) => (
              <View key={g.province} className='stations-page__group'>
                <Text className='stations-page__province'>
                  {g.province}（{g.stations.length}）
                </Text>
                {g.stations.map((s) => (
                  <StationCard key={s.id} station={s} onOpen={open} />
                ))}
              </View>
            ))}
      </StateView>
    </View>
  )
}
