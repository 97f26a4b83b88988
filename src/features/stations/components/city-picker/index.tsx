import { Text, View } from '@tarojs/components'
import type { StationCity } from '@contract'
import { byPinyin, countyCities } from '@contract/destinations'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { useStationCities } from '../../api/use-station-cities'
import './index.scss'

/** A city as chosen here: a county-level one (昆山) also names the prefecture whose stations serve it (苏州市). */
export type ChosenCity = StationCity & { prefecture?: string }

interface Props {
  /** Why it is shown: no position, or the worker asked to change city. */
  reason: 'refused' | 'change'
  chosen?: string | null
  onChoose: (city: ChosenCity) => void
}

const short = (name: string) => name.replace(/(维吾尔|回族|壮族)?自治区$|特别行政区$|省$|市$/, '') || name

/**
 * The cities that have an organisation, plus the county-level cities where many workers are (昆山, 江阴, 义乌 …),
 * grouped under their provinces; provinces and cities A–Z by pinyin, so a worker finds theirs by scanning.
 */
export function groupCities(cities: readonly StationCity[]): Array<{ province: string; cities: ChosenCity[] }> {
  const all: ChosenCity[] = [
    ...cities,
    ...countyCities
      .filter((c) => !cities.some((s) => s.city === c.city))
      .map((c) => ({ province: c.province, city: c.city, lat: c.lat, lng: c.lng, stationCount: 0, prefecture: c.prefecture })),
  ]
  const groups = new Map<string, ChosenCity[]>()
  for (const c of all) groups.set(c.province, [...(groups.get(c.province) ?? []), c])
  return [...groups.keys()].sort(byPinyin).map((province) => ({ province, cities: groups.get(province)!.sort((a, b) => byPinyin(a.city, b.city)) }))
}

/** When the phone gives no position: tap the city you work in, and the list sorts by distance from there. */
export function CityPicker({ reason, chosen, onChoose }: Props) {
  const { data, error, loading, refresh } = useStationCities(true)
  const groups = groupCities(data?.items ?? [])
  return (
    <View className='city-picker' role='group' aria-label='选择您所在的城市'>
      <Text className='city-picker__title'>
        {reason === 'refused' ? '没有拿到您的位置。请点您现在所在的城市：' : '请点您现在所在的城市：'}
      </Text>
      <StateView loading={loading} error={error} empty={!data?.items.length} emptyText='还没有城市可选' onRetry={() => void refresh()}>
        {groups.map((g) => (
          <View key={g.province} className='city-picker__group'>
            <Text className='city-picker__group-name'>{short(g.province)}</Text>
            <View className='city-picker__grid'>
              {g.cities.map((c) => (
                <View
                  key={c.city}
                  {...asButton}
                  aria-pressed={c.city === chosen ? 'true' : 'false'}
                  aria-label={c.prefecture ? `${short(c.city)}，属${c.prefecture}` : undefined}
                  className={`city-picker__city ${c.city === chosen ? 'city-picker__city--chosen' : ''}`}
                  hoverClass='city-picker__city--pressed'
                  onClick={() => onChoose(c)}
                >
                  <Text className='city-picker__name'>{short(c.city)}</Text>
                  {c.prefecture && <Text className='city-picker__province'>属{c.prefecture}</Text>}
                </View>
              ))}
            </View>
          </View>
        ))}
      </StateView>
    </View>
  )
}
