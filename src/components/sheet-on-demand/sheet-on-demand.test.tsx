import { act, render, screen } from '@testing-library/react'
import { sheetOnDemand } from '.'

interface Props {
  visible: boolean
  onClose: () => void
  note: string
}

const Sheet = ({ visible, note }: Props) => <p>{visible ? `open: ${note}` : 'closed'}</p>
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
test('asks for its code only when first opened, then draws the sheet with its props, and keeps it after closing', async () => {
  const load = jest.fn(() => Promise.resolve(Sheet))
  const Slot = sheetOnDemand(load)
  const { container, rerender } = render(<Slot visible={false} onClose={jest.fn()} note='a' />)
  await settle()
  expect(load).not.toHaveBeenCalled()
  expect(container.innerHTML).toBe('')

  rerender(<Slot visible onClose={jest.fn()} note='a' />)
  await settle()
  expect(screen.getByText('open: a')).toBeTruthy()
  rerender(<Slot visible={false} onClose={jest.fn()} note='b' />)
  await settle()
  // Still mounted when closed: its own state (what the worker picked) lives on, and no second fetch happens.
  expect(screen.getByText('closed')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(1)
})

test('without a network it says so and closes; the next open tries again', async () => {
  const load = jest.fn<Promise<typeof Sheet>, []>().mockRejectedValueOnce(new Error('ChunkLoadError')).mockResolvedValueOnce(Sheet)
  const Slot = sheetOnDemand(load)
  const onClose = jest.fn()
  const { rerender } = render(<Slot visible onClose={onClose} note='a' />)
  await settle()
  expect(onClose).toHaveBeenCalledTimes(1)
  expect(screen.getByRole('alert').textContent).toBe('网络不好，没有打开，请稍后再试')
  expect(screen.queryByText(/open/)).toBeNull()

  rerender(<Slot visible={false} onClose={onClose} note='a' />)
  rerender(<Slot visible onClose={onClose} note='a' />)
  await settle()
  expect(load).toHaveBeenCalledTimes(2)
  expect(screen.getByText('open: a')).toBeTruthy()
})

test('a second slot of the same sheet draws at once once the code is here', async () => {
  const load = jest.fn(() => Promise.resolve(Sheet))
  const Slot = sheetOnDemand(load)
  const first = render(<Slot visible onClose={jest.fn()} note='a' />)
  await settle()
  first.unmount()
  render(<Slot visible onClose={jest.fn()} note='c' />)
  expect(screen.getByText('open: c')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(1)
})
