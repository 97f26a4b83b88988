import { Text, View } from '@tarojs/components'
import type { StationCity } from '@contract'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { useStationCities } from '../../api/use-station-cities'
import './index.scss'

interface Props {
  /** Why it is shown: no position, or the worker asked to change city. */
  reason: 'refused' | 'change'
  chosen?: string | null
  onChoose: (city: StationCity) => void
}

/** When the phone gives no position: tap the city you work in, and the list sorts by distance from there. */
export function CityPicker({ reason, chosen, onChoose }: Props) {
  const { data, error, loading, refresh } = useStationCities(true)
  const cities = data?.items ?? []
  return (
    <View className='city-picker' role='group' aria-label='选择您所在的城市'>
      <Text className='city-picker__title'>
        {reason === 'refused' ? '没有拿到您的位置。请点您现在所在的城市：' : '请点您现在所在的城市：'}
      </Text>
      <StateView loading={loading} error={error} empty={cities.length === 0} emptyText='还没有城市可选' onRetry={() => void refresh()}>
        <View className='city-picker__grid'>
          {cities.map((c) => (
            <View
              key={`${c.province}|${c.city}`}
              {...asButton}
              aria-pressed={c.city === chosen ? 'true' : 'false'}
              className={`city-picker__city ${c.city === chosen ? 'city-picker__city--chosen' : ''}`}
              hoverClass='city-picker__city--pressed'
              onClick={() => onChoose(c)}
            >
              <Text className='city-picker__name'>{c.city}</Text>
              <Text className='city-picker__province'>{c.province === c.city ? '直辖市' : c.province}</Text>
            </View>
          ))}
        </View>
      </StateView>
    </View>
  )
}
