import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { stationTypes, type StationCity, type StationType } from '@contract/stations'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { SavedNote } from '@/components/saved-note'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { useStations } from '@/features/stations/api/use-stations'
import { loadChosenCity, saveChosenCity } from '@/features/stations/chosen-city'
import { CityPicker } from '@/features/stations/components/city-picker'
import { StationCard } from '@/features/stations/components/station-card'
import { StationMap } from '@/features/stations/components/station-map/station-map'
import { groupByProvince, stationTypeShort } from '@/features/stations/lib/labels'
import { getPosition, type Position } from '@/features/stations/location'
import { PageRoot } from '@/components/page-root'
import './index.scss'

type TypeChoice = StationType | ''
const typeOptions = [{ value: '' as TypeChoice, label: '全部' }, ...stationTypes.map((t) => ({ value: t as TypeChoice, label: stationTypeShort[t] }))]

/** Where distances are measured from: the phone's position, or a city the worker chose. */
type Origin = { kind: 'gps'; position: Position } | { kind: 'city'; city: StationCity }

const open = (id: number) => openPage(`/packages/stations/pages/detail/index?id=${id}`)

export default function StationsPage() {
  const [type, setType] = useState<TypeChoice>('')
  // A city chosen before on this phone is used straight away: no asking again.
  const [origin, setOrigin] = useState<Origin | null>(() => {
    const city = loadChosenCity()
    return city ? { kind: 'city', city } : null
  })
  const [locating, setLocating] = useState(false)
  const [picker, setPicker] = useState<'refused' | 'change' | null>(null)
  const position = origin?.kind === 'gps' ? origin.position : origin ? { lat: origin.city.lat, lng: origin.city.lng } : null
  const { data, error, loading, refresh, savedAt } = useStations(type || undefined, position)
  const stations = data?.items ?? []

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const locateMe = async () => {
    setLocating(true)
    const pos = await getPosition()
    setLocating(false)
    if (pos) {
      setOrigin({ kind: 'gps', position: pos })
      setPicker(null)
    } else {
      // Never a dead end: without a position, the worker picks the city instead.
      setPicker('refused')
    }
  }

  const chooseCity = (city: StationCity) => {
    saveChosenCity(city)
    setOrigin({ kind: 'city', city })
    setPicker(null)
  }

  const byProvince = () => {
    saveChosenCity(null)
    setOrigin(null)
    setPicker(null)
  }

  const from = origin?.kind === 'city' ? `距${origin.city.city}` : '距您'

  return (
    <PageRoot className='stations-page'>
      <Text className='stations-page__intro'>
        武山县在外地设有流动党员党支部、劳务工作站和企业直招点。在外打工遇到事，找离您近的组织。
      </Text>
      <Chips<TypeChoice> options={typeOptions} value={type} onChange={setType} />

      {origin && !picker ? (
        <View className='stations-page__located'>
          <Text>{origin.kind === 'gps' ? '按离您的远近排列' : `按离${origin.city.city}的远近排列`}</Text>
          <View className='stations-page__links'>
            <View {...asButton} className='stations-page__link' onClick={() => setPicker('change')}>
              <Text>换城市</Text>
            </View>
            <View {...asButton} className='stations-page__link' onClick={byProvince}>
              <Text>按省份看</Text>
            </View>
          </View>
        </View>
      ) : (
        <View className='stations-page__locate'>
          <BigButton variant='secondary' onClick={() => void locateMe()}>
            {locating ? '正在获取位置…' : '用我的位置找最近的'}
          </BigButton>
          {!picker && (
            <View {...asButton} className='stations-page__link stations-page__choose' onClick={() => setPicker('change')}>
              <Text>不想用位置？选您所在的城市</Text>
            </View>
          )}
        </View>
      )}

      {picker && <CityPicker reason={picker} chosen={origin?.kind === 'city' ? origin.city.city : null} onChoose={chooseCity} />}

      {!loading && <SavedNote savedAt={savedAt} onRetry={() => void refresh()} />}
      <StateView
        loading={loading}
        error={error}
        empty={stations.length === 0}
        emptyText='这一类还没有组织'
        emptyHint='点“全部”看看其他组织'
        onRetry={() => void refresh()}
      >
        {origin ? (
          <>
            <StationMap stations={stations} centre={position} onOpen={open} />
            {stations.map((s) => (
              <StationCard key={s.id} station={s} onOpen={open} distanceFrom={from} />
            ))}
          </>
        ) : (
          groupByProvince(stations).map((g) => (
            <View key={g.province} className='stations-page__group'>
              <Text className='stations-page__province'>
                {g.province}（{g.stations.length}）
              </Text>
              {g.stations.map((s) => (
                <StationCard key={s.id} station={s} onOpen={open} />
              ))}
            </View>
          ))
        )}
      </StateView>
    </PageRoot>
  )
}
