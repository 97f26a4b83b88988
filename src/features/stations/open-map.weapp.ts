import Taro from '@tarojs/taro'
import type { Station } from '@contract'

/** Opens WeChat's map at the station, with navigation from there. Coordinates are GCJ-02, as WeChat expects. */
export function openMap(s: Pick<Station, 'lat' | 'lng' | 'name' | 'address'>): void {
  Taro.openLocation({ latitude: s.lat, longitude: s.lng, name: s.name, address: s.address, scale: 16 }).catch(() => {})
}
