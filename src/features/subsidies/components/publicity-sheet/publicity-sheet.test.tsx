import { render, screen } from '@testing-library/react'
import { PublicitySheet } from '.'

const scheme = { id: 3, name: '一次性交通补贴', year: 2026 }
const row = { claimId: 7, name: '王*五', township: '洛门镇' as const, village: '蓼阳村', scheme: '一次性交通补贴', amountYuan: 500, startsOn: '2026-03-02', endsOn: '2026-03-08' }

test('an empty notice says what the notice is and that nobody is listed yet, not only 共 0 人', () => {
  render(<PublicitySheet data={{ scheme, township: '洛门镇', windows: [], items: [], totalYuan: 0 }} />)
  expect(screen.getByText('洛门镇2026年一次性交通补贴公示名单')).toBeTruthy()
  expect(screen.getByText('这一批还没有公示名单')).toBeTruthy()
  expect(screen.getByText(/审核通过的申请点“开始公示”后列在这里/)).toBeTruthy()
  // No empty table, no count of nobody.
  expect(screen.queryByText('姓名')).toBeNull()
  expect(screen.queryByText(/共 0 人/)).toBeNull()
})

test('a notice with people lists them with the count and the total', () => {
  render(<PublicitySheet data={{ scheme, township: null, windows: [{ id: 1, startsOn: '2026-03-02', endsOn: '2026-03-08' }], items: [row], totalYuan: 500 }} />)
  expect(screen.getByText('王*五')).toBeTruthy()
  expect(screen.getByText('共 1 人，合计 500 元')).toBeTruthy()
  expect(screen.queryByText('这一批还没有公示名单')).toBeNull()
})
