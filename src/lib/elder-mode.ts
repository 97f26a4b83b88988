/**
 * 大字模式 (the 2021 MIIT 适老化 guideline): bigger text, figures and tap targets for the whole app, chosen once
 * and kept on this phone. The sizes are CSS variables (app.scss); this only says whether the `elder` class is on.
 * Until the worker chooses, it follows the phone: on when WeChat's own font size is set large.
 */
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { elderModeKey } from '@contract/privacy'
import { applyElderRoot } from './elder-root'
import { systemPrefersLargeText } from './system-font'

const listeners = new Set<() => void>()
let current: boolean | null = null

function stored(): boolean {
  try {
    const chosen = Taro.getStorageSync(elderModeKey)
    if (chosen === '1') return true
    if (chosen === '0') return false
  } catch {
    // storage unavailable: as the phone says
  }
  return systemPrefersLargeText()
}

export function elderMode(): boolean {
  if (current === null) current = stored()
  return current
}

export function setElderMode(on: boolean): void {
  current = on
  try {
    Taro.setStorageSync(elderModeKey, on ? '1' : '0')
  } catch {
    // storage unavailable: on for this visit only
  }
  applyElderRoot(on)
  listeners.forEach((l) => l())
}

/** At launch: the choice kept on this phone, put on the document root (H5). */
export function restoreElderMode(): void {
  current = stored()
  applyElderRoot(current)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, elderMode, elderMode)
  return [on, setElderMode]
}

/** Tests only. */
export function resetElderModeForTests(): void {
  current = null
}
