import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setElderMode } from '@/lib/elder-mode'
import { typeInto } from '../../../tests/support/app/interact'
import { SearchBox } from '.'

const renderBox = (initial = '') => {
  const onSearch = jest.fn()
  const view = render(<SearchBox initial={initial} placeholder='搜工种或城市' label='搜索工作' onSearch={onSearch} />)
  return { ...view, onSearch }
}
const field = (container: HTMLElement) => container.querySelector('.search-box__input') as HTMLInputElement

describe('SearchBox', () => {
  it('has no ✕ while empty; typing shows one that empties the field and searches for everything', async () => {
    const { container, onSearch } = renderBox()
    expect(screen.queryByLabelText('清除搜索词')).toBeNull()
    await typeInto(container, '.search-box__input', '无锡 电子厂')
    fireEvent.click(screen.getByText('搜索'))
    expect(onSearch).toHaveBeenLastCalledWith('无锡 电子厂')
    fireEvent.click(screen.getByLabelText('清除搜索词'))
    expect(onSearch).toHaveBeenLastCalledWith('')
    expect(field(container).value).toBe('')
    expect(screen.queryByLabelText('清除搜索词')).toBeNull()
  })

  it('shows the ✕ for a search the page already has, and follows the page when it changes the search', () => {
    const { container, rerender, onSearch } = renderBox('新疆 电子厂')
    expect(field(container).value).toBe('新疆 电子厂')
    expect(screen.getByLabelText('清除搜索词')).toBeTruthy()
    rerender(<SearchBox initial='新疆' placeholder='搜工种或城市' label='搜索工作' onSearch={onSearch} />)
    expect(field(container).value).toBe('新疆')
  })
})

describe('SearchBox in 大字模式', () => {
  afterEach(() => setElderMode(false))

  it('shows the shorter example, which fits the field at the bigger size instead of being cut off', async () => {
    const { container } = render(<SearchBox placeholder='搜工种或城市，如 电焊、天津' elderPlaceholder='搜工种或城市' label='搜索工作' onSearch={() => {}} />)
    const placeholder = () => {
      const el = container.querySelector('.search-box__input') as HTMLElement & { placeholder?: string }
      return el.getAttribute('placeholder') ?? el.placeholder
    }
    expect(placeholder()).toBe('搜工种或城市，如 电焊、天津')
    act(() => setElderMode(true))
    await waitFor(() => expect(placeholder()).toBe('搜工种或城市'))
  })
})
