import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Map, View } from '@tarojs/components'
import type { StationMapProps } from './station-map.types'
import markerIcon from './marker.png'
import './index.scss'

/** The nearest stations as markers on WeChat's map (GCJ-02, as the data); tapping a marker opens that station. */
export function StationMap({ stations, centre, onOpen }: StationMapProps) {
  const iconPath = useMarkerFile()
  // A map of the whole country says little: show the nearest few, which the list also starts with.
  const shown = stations.slice(0, 20)
  if (shown.length === 0 || !iconPath) return null
  const markers = shown.map((s) => ({
    id: s.id,
    latitude: s.lat,
    longitude: s.lng,
    title: s.name,
    iconPath,
    width: 30,
    height: 42,
    callout: { content: s.name, display: 'BYCLICK' as const, fontSize: 14, padding: 6, borderRadius: 6, color: '#1f2329', bgColor: '#ffffff', textAlign: 'center' as const },
  }))
  const focus = centre ?? { lat: shown[0].lat, lng: shown[0].lng }
  const points = [...shown.slice(0, 5).map((s) => ({ latitude: s.lat, longitude: s.lng })), { latitude: focus.lat, longitude: focus.lng }]
  return (
    <View className='station-map'>
      <Map
        className='station-map__map'
        latitude={focus.lat}
        longitude={focus.lng}
        scale={11}
        markers={markers as never}
        includePoints={points}
        showLocation={Boolean(centre)}
        onMarkerTap={(e) => onOpen(Number(e.detail.markerId))}
        onCalloutTap={(e) => onOpen(Number((e.detail as { markerId: number | string }).markerId))}
        // A map that fails to draw (no network for tiles) leaves the list below: nothing to tell the worker.
        onError={() => undefined}
      />
    </View>
  )
}

/**
 * The build inlines the small marker image as a data: URL, which map markers do not accept (they take a file
 * path), so it is written once to the mini-program's own user-data folder and that path is used.
 */
function useMarkerFile(): string | null {
  const [path, setPath] = useState<string | null>(null)
  useEffect(() => {
    const source = markerIcon as string
    if (!source.startsWith('data:')) return setPath(source)
    const file = `${Taro.env.USER_DATA_PATH}/wgt-station-marker.png`
    Taro.getFileSystemManager().writeFile({
      filePath: file,
      data: source.slice(source.indexOf(',') + 1),
      encoding: 'base64',
      success: () => setPath(file),
      fail: () => setPath(null),
    })
  }, [])
  return path
}
