/**
 * H5: Taro's onNetworkStatusChange listens to navigator.connection, which most browsers lack;
 * the window's online event and the page becoming visible are what a browser really reports.
 */
export function whenNetworkMayBeBack(onBack: () => void): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') onBack()
  }
  window.addEventListener('online', onBack)
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    window.removeEventListener('online', onBack)
    document.removeEventListener('visibilitychange', onVisible)
  }
}
