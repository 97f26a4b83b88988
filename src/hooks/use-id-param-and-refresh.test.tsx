import { act, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { firePageEvent, setRouterParams } from '../../tests/support/app/taro-shim'
import { useIdParam } from './use-id-param'
import { useRefreshOnReturn } from './use-refresh-on-return'

function Page({ refresh, when }: { refresh: () => Promise<unknown>; when?: boolean | (() => boolean) }) {
  useRefreshOnReturn(refresh, when)
  return null
}

/** The worker goes to another page and comes back. */
const away = () => act(() => void firePageEvent('hide'))
const show = () => act(() => void firePageEvent('show'))
const goAndReturn = () => {
  away()
  show()
}

describe('useRefreshOnReturn', () => {
  it('leaves the first show to the page’s own read, and reads again on each return', () => {
    const refresh = jest.fn(() => Promise.resolve())
    render(<Page refresh={refresh} />)
    expect(refresh).not.toHaveBeenCalled()
    // A show with no hide before it is no return (the page's first show, or a component drawn after it).
    show()
    expect(refresh).not.toHaveBeenCalled()
    goAndReturn()
    goAndReturn()
    expect(refresh).toHaveBeenCalledTimes(2)
  })

  it('skips the return reload while `when` says no, asked at the moment of return', () => {
    const refresh = jest.fn(() => Promise.resolve())
    let signedIn = false
    render(<Page refresh={refresh} when={() => signedIn} />)
    goAndReturn()
    expect(refresh).not.toHaveBeenCalled()
    signedIn = true
    goAndReturn()
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('reloads on pull-down and then ends the pull-down', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => Promise.resolve() as never)
    const refresh = jest.fn(() => Promise.resolve())
    render(<Page refresh={refresh} when={false} />)
    await act(async () => void firePageEvent('pullDownRefresh'))
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(stop).toHaveBeenCalled()
  })
})

describe('useIdParam', () => {
  function Id({ name }: { name?: string }) {
    return <>{useIdParam(name)}</>
  }
  it.each([
    [{ id: '7' }, undefined, '7'],
    [{ employerId: '12' }, 'employerId', '12'],
    [{}, undefined, '0'],
    [{ id: 'abc' }, undefined, '0'],
    [{ id: '-3' }, undefined, '0'],
    [{ id: '1.5' }, undefined, '0'],
    [{ id: '0' }, undefined, '0'],
  ])('%j (%s) → %s', (params, name, shown) => {
    setRouterParams(params as Record<string, string>)
    const { container } = render(<Id name={name} />)
    expect(container.textContent).toBe(shown)
  })
})
