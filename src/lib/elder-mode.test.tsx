import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { ElderToggle } from '@/components/elder-toggle'
import { PageRoot } from '@/components/page-root'
import { elderMode, elderStorageKey, resetElderModeForTests, restoreElderMode, setElderMode } from './elder-mode'
import { applyElderRoot } from './elder-root.h5'

beforeEach(() => {
  Taro.removeStorageSync(elderStorageKey)
  resetElderModeForTests()
})

test('大字模式 is off on a new phone, and the choice outlives a restart', () => {
  expect(elderMode()).toBe(false)
  setElderMode(true)
  expect(Taro.getStorageSync(elderStorageKey)).toBe('1')

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

  fireEvent.click(toggle)
  expect(root.className).toMatch(/\bjobs-page elder\b/)
  expect(toggle.getAttribute('aria-checked')).toBe('true')
  expect(screen.getByText('已打开')).toBeTruthy()
  expect(Taro.getStorageSync(elderStorageKey)).toBe('1')
})

test('on H5 the class goes on <html> and <body>, so the tab bar and sheets grow too', () => {
  applyElderRoot(true)
  expect(document.documentElement.classList.contains('elder')).toBe(true)
  expect(document.body.classList.contains('elder')).toBe(true)
  applyElderRoot(false)
  expect(document.documentElement.classList.contains('elder')).toBe(false)
})
