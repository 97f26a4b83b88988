import Taro from '@tarojs/taro'
import type { Position } from './location.types'

export type { Position } from './location.types'

/**
 * The phone's position in GCJ-02 (what the server stores), or null when the user refuses or it fails.
 * WeChat returns GCJ-02 directly with type 'gcj02'; needs requiredPrivateInfos: ['getLocation'] in app.config.
 */
export async function getPosition(): Promise<Position | null> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02' })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    return null
  }
}
