import Taro from '@tarojs/taro'
// The zod-free module: the app shell shows this notice without loading the whole contract.
import { privacyAcceptedKey as acceptedKey, privacyNoticeVersion } from '@contract/privacy'

const listeners = new Set<() => void>()

/** Called whenever the device's acceptance changes (the first-launch notice hides itself). */
export function onPrivacyChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether this device has accepted the current version of the privacy notice. */
export function privacyAccepted(): boolean {
  try {
    return Taro.getStorageSync(acceptedKey) === privacyNoticeVersion
  } catch {
    return false
  }
}

/** Remembers the acceptance on the device (the server learns of it once the worker signs in). */
export function acceptPrivacyLocally(): void {
  Taro.setStorageSync(acceptedKey, privacyNoticeVersion)
  listeners.forEach((l) => l())
}

export function forgetPrivacyAcceptance(): void {
  Taro.removeStorageSync(acceptedKey)
  listeners.forEach((l) => l())
}
