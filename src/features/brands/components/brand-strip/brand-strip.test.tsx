import { act, fireEvent, render, screen } from '@testing-library/react'
import type { Brand } from '@contract'
import { BrandStrip } from '.'

jest.mock('../../api/use-brands', () => ({ useBrands: jest.fn() }))
const { useBrands } = jest.requireMock('../../api/use-brands') as { useBrands: jest.Mock }

const brand = (over: Partial<Brand> = {}): Brand => ({
  id: 1,
  name: '宁远建筑工',
  level: '省级',
  trade: '砌筑工',
  story: '武山古称宁远，县里很多人世代在外面干建筑活。',
  courses: [{ id: 9, title: '“宁远建筑工”砌筑工中级班', startDate: '2026-12-01', seatsLeft: 10 }],
  openJobs: 4,
  ...over,
})

it('shows the brands; a tap tells the story and leads to the trade\'s jobs', async () => {
  useBrands.mockReturnValue({ data: { items: [brand(), brand({ id: 2, name: '武山柳编', level: '县级', trade: '柳编工', courses: [], openJobs: 0 })] } })
  const onShowJobs = jest.fn()
  render(<BrandStrip onShowJobs={onShowJobs} />)
  expect(screen.getByText('武山劳务品牌')).toBeTruthy()
  expect(screen.getByText('武山柳编')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByText('宁远建筑工'))
  })
  expect(screen.getByRole('dialog', { name: '宁远建筑工（省级劳务品牌）' })).toBeTruthy()
  expect(screen.getByText('“宁远建筑工”砌筑工中级班')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByText('看 4 个砌筑工岗位'))
  })
  expect(onShowJobs).toHaveBeenCalledWith('砌筑工')
  expect(screen.queryByRole('dialog')).toBeNull()
})

it('is not there at all while loading or without brands', () => {
  useBrands.mockReturnValue({ data: undefined })
  const { container } = render(<BrandStrip />)
  expect(container.textContent).toBe('')
})
