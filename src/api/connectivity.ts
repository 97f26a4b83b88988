import Taro from '@tarojs/taro'

/**
 * Calls `onBack` whenever the device may have regained the network or the user came back to the app.
 * The mini-program has real network events; H5 variant in connectivity.h5.ts.
 */
export function whenNetworkMayBeBack(onBack: () => void): () => void {
  const onStatus = (res: { isConnected: boolean }) => {
    if (res.isConnected) onBack()
  }
  const onShow = () => onBack()
  Taro.onNetworkStatusChange(onStatus)
  Taro.onAppShow(onShow)
  return () => {
    Taro.offNetworkStatusChange(onStatus)
    Taro.offAppShow(onShow)
  }
}
