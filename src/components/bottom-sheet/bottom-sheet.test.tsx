import { useLayoutEffect } from 'react'
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { BottomSheet } from '.'
import { useCloseOnBack } from './close-on-back.h5'

test('a dialog named by its title; the dimmed part and the ✕ both close it; nothing of it while closed', () => {
  const onClose = jest.fn()
  const { container, rerender } = render(
    <BottomSheet open title='筛选工作' closeLabel='关闭筛选' onClose={onClose}>
      <p>去哪里干</p>
    </BottomSheet>,
  )
  const dialog = screen.getByRole('dialog')
  expect(dialog.getAttribute('aria-label')).toBe('筛选工作')
  expect(dialog.getAttribute('aria-modal')).toBe('true')
  expect(dialog.textContent).toContain('去哪里干')

  fireEvent.click(screen.getByRole('button', { name: '关闭筛选' }))
  expect(onClose).toHaveBeenCalledTimes(1)
  fireEvent.click(container.querySelector('.bottom-sheet__mask')!)
  expect(onClose).toHaveBeenCalledTimes(2)
  // A tap inside the panel is not a tap on the dimmed part.
  fireEvent.click(screen.getByText('去哪里干'))
  expect(onClose).toHaveBeenCalledTimes(2)

  rerender(
    <BottomSheet open={false} title='筛选工作' onClose={onClose}>
      <p>去哪里干</p>
    </BottomSheet>,
  )
  expect(container.innerHTML).toBe('')
})

describe('H5: the phone back button and Escape', () => {
  it('an open sheet is one step of history: back closes it and the page stays where it was', async () => {
    const onClose = jest.fn()
    const before = window.history.length
    const { rerender } = renderHook(({ open }) => useCloseOnBack(open, onClose), { initialProps: { open: true } })
    expect(window.history.length).toBe(before + 1)
    expect(window.history.state?.sheet).toBe(true)
    await act(async () => {
      window.history.back()
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }))
    })
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(window.history.state?.sheet).toBeUndefined()
    rerender({ open: false })
    // Closed by back: no second step back.
    await act(() => new Promise((r) => setTimeout(r, 20)))
    expect(window.history.state?.sheet).toBeUndefined()
  })

  it('the step is there before the sheet is painted, so a back at its first sight closes it rather than the page', async () => {
    // A later sibling's layout effect runs before any passive effect and before the browser paints.
    let stepWhenPainted: unknown
    function PaintProbe() {
      useLayoutEffect(() => {
        stepWhenPainted = window.history.state?.sheet
      }, [])
      return null
    }
    function Sheet() {
      useCloseOnBack(true, () => undefined)
      return null
    }
    const { unmount } = render(
      <>
        <Sheet />
        <PaintProbe />
      </>,
    )
    expect(stepWhenPainted).toBe(true)
    unmount()
    await act(() => new Promise((r) => setTimeout(r, 50)))
  })

  it('closed by a tap, it takes its step off again; Escape closes it', async () => {
    const onClose = jest.fn()
    const { rerender } = renderHook(({ open }) => useCloseOnBack(open, onClose), { initialProps: { open: true } })
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(window.history.state?.sheet).toBe(true)
    const back = jest.spyOn(window.history, 'back')
    rerender({ open: false })
    expect(back).toHaveBeenCalledTimes(1)
    await act(() => new Promise((r) => setTimeout(r, 100)))
    expect(window.history.state?.sheet).toBeUndefined()
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('on a page that is not a tab it adds no step (the router would reload the page on its back)', () => {
    window.history.replaceState(null, '', '/packages/jobs/pages/detail/index?id=1')
    const before = window.history.length
    const onClose = jest.fn()
    const { rerender } = renderHook(({ open }) => useCloseOnBack(open, onClose), { initialProps: { open: true } })
    expect(window.history.length).toBe(before)
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    const back = jest.spyOn(window.history, 'back')
    back.mockClear()
    rerender({ open: false })
    expect(back).not.toHaveBeenCalled()
    window.history.replaceState(null, '', '/')
  })
})
