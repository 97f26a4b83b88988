import { fireEvent, render, screen } from '@testing-library/react'
import { FilterSheet } from '.'

const tap = (text: string) => fireEvent.click(screen.getByText(text))

describe('FilterSheet', () => {
  it('collects region, trade, wage floor and several benefits, and applies them on 确定 with the count shown', () => {
    const onApply = jest.fn()
    render(<FilterSheet visible value={{}} onApply={onApply} onClose={jest.fn()} />)
    expect(screen.getByText('去哪里干')).toBeTruthy()
    tap('江苏')
    tap('电工')
    tap('5000元以上')
    tap('包吃')
    tap('包住')
    expect(screen.getByText('确定（5 项）')).toBeTruthy()
    tap('确定（5 项）')
    expect(onApply).toHaveBeenCalledWith({ province: '江苏省', trade: '电工', minWage: 5000, benefits: ['包吃', '包住'] })
  })

  it('lists the regions A–Z by pinyin, so a worker finds 江苏 without reading them all', () => {
    const { container } = render(<FilterSheet visible value={{}} onApply={jest.fn()} onClose={jest.fn()} />)
    const group = screen.getByText('去哪里干').nextElementSibling as HTMLElement
    const names = [...group.children].map((el) => el.textContent?.trim())
    expect(names.slice(0, 4)).toEqual(['北京', '甘肃', '广东', '江苏'])
    expect(names.indexOf('新疆')).toBeGreaterThan(names.indexOf('天津'))
    expect(names.indexOf('浙江')).toBe(names.length - 1)
    expect(container).toBeTruthy()
  })

  it('a second tap unselects; 清除 empties the draft', () => {
    const onApply = jest.fn()
    render(<FilterSheet visible value={{ province: '上海市', minWage: 8000, benefits: ['社保'] }} onApply={onApply} onClose={jest.fn()} />)
    expect(screen.getByText('确定（3 项）')).toBeTruthy()
    tap('8000元以上')
    expect(screen.getByText('确定（2 项）')).toBeTruthy()
    tap('清除')
    tap('确定')
    expect(onApply).toHaveBeenCalledWith({ benefits: undefined })
  })

  it('marks the chosen chips as pressed for screen readers', () => {
    render(<FilterSheet visible value={{ province: '新疆维吾尔自治区' }} onApply={jest.fn()} onClose={jest.fn()} />)
    const chip = screen.getByText('新疆').closest('[aria-pressed]')
    expect(chip?.getAttribute('aria-pressed')).toBe('true')
  })

  it('asks the card questions: 日结 drops the monthly floor, 管吃, a dorm and the worker age', () => {
    const onApply = jest.fn()
    render(<FilterSheet visible value={{ minWage: 5000 }} onApply={onApply} onClose={jest.fn()} />)
    tap('日结')
    expect(screen.queryByText('5000元以上')).toBeNull()
    tap('管吃')
    tap('有宿舍')
    tap('50岁')
    tap('确定（4 项）')
    expect(onApply).toHaveBeenCalledWith({ payType: 'daily', minWage: undefined, meals: true, housing: 'dorm', maxAge: 50, benefits: undefined })
  })

  it('renders nothing of its content while closed', () => {
    render(<FilterSheet visible={false} value={{}} onApply={jest.fn()} onClose={jest.fn()} />)
    expect(screen.queryByText('去哪里干')).toBeNull()
  })
})
