import { fireEvent, render, screen } from '@testing-library/react'
import { StateView } from '.'

describe('StateView', () => {
  it('says it is loading and hides the content', () => {
    render(
      <StateView loading>
        <span>内容</span>
      </StateView>,
    )
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(screen.queryByText('内容')).toBeNull()
  })

  it('shows the error message and a 重试 button that calls back', () => {
    const onRetry = jest.fn()
    render(<StateView loading={false} error={{ message: '网络不稳定，请检查网络后重试' }} onRetry={onRetry} />)
    expect(screen.getByText('网络不稳定，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('says plainly what to do when empty', () => {
    render(<StateView loading={false} empty emptyText='没有找到合适的岗位' emptyHint='换个词再搜' />)
    expect(screen.getByText('没有找到合适的岗位')).toBeTruthy()
    expect(screen.getByText('换个词再搜')).toBeTruthy()
  })

  it('shows the content once there is something to show', () => {
    render(
      <StateView loading={false} error={null} empty={false}>
        <span>内容</span>
      </StateView>,
    )
    expect(screen.getByText('内容')).toBeTruthy()
  })

  it('over a saved copy, says it is the copy saved on the phone, above an empty list too', () => {
    render(<StateView loading={false} empty emptyText='现在没有要回访的人' savedAt='2026-11-26T06:05:00.000Z' onRetry={() => undefined} />)
    expect(screen.getByText(/没有网络，下面是已保存于 11月26日/)).toBeTruthy()
    expect(screen.getByText('现在没有要回访的人')).toBeTruthy()
  })

  it('says nothing of a saved copy when the data is fresh', () => {
    render(
      <StateView loading={false} savedAt={null}>
        <span>内容</span>
      </StateView>,
    )
    expect(screen.queryByText(/已保存于/)).toBeNull()
  })
})
