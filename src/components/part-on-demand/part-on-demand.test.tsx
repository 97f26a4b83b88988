import { act, fireEvent, render, screen } from '@testing-library/react'
import { partOnDemand } from '.'

const Form = ({ phone }: { phone: string }) => <p>form for {phone}</p>
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))

test('says 正在加载 while its code comes, then draws the part with its props; drawn again, it is there at once', async () => {
  const load = jest.fn(() => Promise.resolve(Form))
  const Part = partOnDemand(load)
  const first = render(<Part phone='138****0000' />)
  expect(screen.getByText('正在加载…')).toBeTruthy()
  await settle()
  expect(screen.getByText('form for 138****0000')).toBeTruthy()
  first.unmount()

  render(<Part phone='139****1111' />)
  // No loading state and no second fetch.
  expect(screen.getByText('form for 139****1111')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(1)
})

test('prefetch asks for the code before it is drawn, once', async () => {
  const load = jest.fn(() => Promise.resolve(Form))
  const Part = partOnDemand(load)
  Part.prefetch()
  Part.prefetch()
  await settle()
  expect(load).toHaveBeenCalledTimes(1)
  render(<Part phone='137****2222' />)
  expect(screen.getByText('form for 137****2222')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(1)
})

test('without a network it says so, and 重试 asks again', async () => {
  const load = jest.fn<Promise<typeof Form>, []>().mockRejectedValueOnce(new Error('ChunkLoadError')).mockResolvedValueOnce(Form)
  const Part = partOnDemand(load)
  // A failed prefetch is not an error on screen: the draw asks again.
  Part.prefetch()
  await settle()
  render(<Part phone='136****3333' />)
  await settle()
  expect(screen.getByText('form for 136****3333')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(2)

  const offline = jest.fn<Promise<typeof Form>, []>().mockRejectedValueOnce(new Error('ChunkLoadError')).mockResolvedValueOnce(Form)
  const Other = partOnDemand(offline)
  render(<Other phone='135****4444' />)
  await settle()
  expect(screen.getByText('没有加载出来')).toBeTruthy()
  expect(screen.getByText(/网络不好/)).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  await settle()
  expect(screen.getByText('form for 135****4444')).toBeTruthy()
  expect(offline).toHaveBeenCalledTimes(2)
})
