import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { ElderToggle } from '@/components/elder-toggle'
import { PageRoot } from '@/components/page-root'
import { elderModeKey } from '@contract/privacy'
import { elderMode, resetElderModeForTests, restoreElderMode, setElderMode } from './elder-mode'
import type * as ElderModeApi from './elder-mode'
import { applyElderRoot } from './elder-root.h5'

beforeEach(() => {
  Taro.removeStorageSync(elderModeKey)
  resetElderModeForTests()
})

test('大字模式 is off on a new phone, and the choice outlives a restart', () => {
  expect(elderMode()).toBe(false)
  setElderMode(true)
  expect(Taro.getStorageSync(elderModeKey)).toBe('1')

  // A restart: nothing in memory, only what the phone kept.
  resetElderModeForTests()
  restoreElderMode()
  expect(elderMode()).toBe(true)

  setElderMode(false)
  resetElderModeForTests()
  expect(elderMode()).toBe(false)
})

test('the switch turns every page root big at once, and says its state to a screen reader', () => {
  render(
    <PageRoot className='jobs-page'>
      <ElderToggle />
    </PageRoot>,
  )
  const toggle = screen.getByRole('switch', { name: '大字模式' })
  const root = toggle.closest('.page') as HTMLElement
  expect(root.className).not.toMatch(/\belder\b/)
  expect(toggle.getAttribute('aria-checked')).toBe('false')
  // It reads as a switch: 关 on a track with a knob, not a grey pill saying 已关闭.
  expect(toggle.querySelector('.switch-row__knob')).toBeTruthy()
  expect(toggle.querySelector('.switch-row__state')?.textContent).toBe('关')
  expect(screen.queryByText('已关闭')).toBeNull()

  fireEvent.click(toggle)
  expect(root.className).toMatch(/\bjobs-page elder\b/)
  expect(toggle.getAttribute('aria-checked')).toBe('true')
  expect(toggle.querySelector('.switch-row__state')?.textContent).toBe('开')
  expect(screen.queryByText('已打开')).toBeNull()
  expect(Taro.getStorageSync(elderModeKey)).toBe('1')
})

test('on H5 the class goes on <html> and <body>, so the tab bar and sheets grow too', () => {
  applyElderRoot(true)
  expect(document.documentElement.classList.contains('elder')).toBe(true)
  expect(document.body.classList.contains('elder')).toBe(true)
  applyElderRoot(false)
  expect(document.documentElement.classList.contains('elder')).toBe(false)
})

type ElderModeModule = typeof ElderModeApi

describe('on the mini-program, WeChat’s own font size', () => {
  /** elder-mode as the weapp build has it (system-font.weapp.ts), with its own Taro whose base info says `size`. */
  function weappElderMode(size: number | null) {
    let mode!: ElderModeModule
    jest.isolateModules(() => {
      jest.doMock('./system-font', () => jest.requireActual('./system-font.weapp'))
      const taro = jest.requireActual('@tarojs/taro') as { default?: Record<string, unknown> } & Record<string, unknown>
      const target = (taro.default ?? taro) as Record<string, unknown>
      if (size === null) delete target.getAppBaseInfo
      else target.getAppBaseInfo = () => ({ fontSizeSetting: size })
      mode = jest.requireActual('./elder-mode')
    })
    return mode
  }

  test('turns 大字模式 on by default when WeChat’s text is set large, and a choice made in the app wins', () => {
    const mode = weappElderMode(24)
    expect(mode.elderMode()).toBe(true)
    mode.setElderMode(false)
    mode.resetElderModeForTests()
    expect(mode.elderMode()).toBe(false)
  })

  test('stays off at WeChat’s standard size, and when the base library cannot say', () => {
    expect(weappElderMode(17).elderMode()).toBe(false)
    expect(weappElderMode(null).elderMode()).toBe(false)
  })
})
