import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { guideSections } from '../../lib/guide'
import { GuideChecklist, guideTicksKey } from '.'

const total = guideSections.reduce((n, s) => n + s.items.length, 0)
const first = guideSections[0].items[0]
const box = (item: string) => screen.getByText(item).closest('[role="checkbox"]')!

beforeEach(() => Taro.clearStorageSync())

test('each line of 准备清单 is a box that ticks and unticks, and is kept for the next visit', () => {
  const { unmount } = render(<GuideChecklist />)
  expect(screen.getAllByRole('checkbox')).toHaveLength(total)
  expect(box(first).getAttribute('aria-checked')).toBe('false')
  expect(screen.getByText(`找到一样就点一下打个勾：已准备 0 样，共 ${total} 样`)).toBeTruthy()
  // No □ character: the box is drawn.
  expect(document.body.textContent).not.toContain('□')

  act(() => void fireEvent.click(box(first)))
  expect(box(first).getAttribute('aria-checked')).toBe('true')
  expect(screen.getByText(`找到一样就点一下打个勾：已准备 1 样，共 ${total} 样`)).toBeTruthy()
  unmount()

  render(<GuideChecklist />)
  expect(box(first).getAttribute('aria-checked')).toBe('true')
  act(() => void fireEvent.click(box(first)))
  expect(box(first).getAttribute('aria-checked')).toBe('false')
  expect(JSON.parse(Taro.getStorageSync(guideTicksKey) as string)).toEqual([])
})
