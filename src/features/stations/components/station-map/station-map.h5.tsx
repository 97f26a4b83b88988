import type { StationMapProps } from './station-map.types'

/** H5 has no map of its own here: each station's 看地图、导航 opens Amap instead. */
export function StationMap(_props: StationMapProps) {
  return null
}
