import Taro from '@tarojs/taro'
import type { StationCity } from '@contract'

const KEY = 'wgt.stations.city'

/** The city the worker picked when the phone gave no position: remembered on this device only, never sent to be stored. */
export function loadChosenCity(): StationCity | null {
  try {
    const value = Taro.getStorageSync(KEY) as StationCity | '' | undefined
    if (value && typeof value === 'object' && typeof value.lat === 'number' && typeof value.lng === 'number' && value.city) return value
  } catch {
    // storage unavailable: behave as if nothing was chosen
  }
  return null
}

export function saveChosenCity(city: StationCity | null): void {
  try {
    if (city) Taro.setStorageSync(KEY, city)
    else Taro.removeStorageSync(KEY)
  } catch {
    // not remembering is harmless: the picker shows again next time
  }
}
