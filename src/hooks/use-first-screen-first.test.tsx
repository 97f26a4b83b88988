import { render, screen } from '@testing-library/react'
import { useFirstScreenFirst } from './use-first-screen-first'

function List({ items }: { items: number[] }) {
  const shown = useFirstScreenFirst(items, 3, 2)
  return <ul>{shown.map((n) => <li key={n}>{n}</li>)}</ul>
}

test('draws the first screenful at once and the rest a few items a frame', async () => {
  const items = [1, 2, 3, 4, 5, 6, 7]
  const { rerender } = render(<List items={items} />)
  expect(screen.getAllByRole('listitem')).toHaveLength(3)
  expect(await screen.findByText('5')).toBeTruthy()
  expect(screen.getAllByRole('listitem')).toHaveLength(5)
  expect(await screen.findByText('7')).toBeTruthy()
  expect(screen.getAllByRole('listitem')).toHaveLength(7)
  // Later lists (another filter, a page more) are shown whole.
  rerender(<List items={[...items, 8, 9, 10]} />)
  expect(screen.getAllByRole('listitem')).toHaveLength(10)
})

test('a short list is shown whole and schedules nothing', () => {
  const raf = jest.spyOn(window, 'requestAnimationFrame')
  render(<List items={[1, 2]} />)
  expect(screen.getAllByRole('listitem')).toHaveLength(2)
  expect(raf).not.toHaveBeenCalled()
  raf.mockRestore()
})
