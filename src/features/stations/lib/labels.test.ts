import { station } from '../../../../tests/support/app/fixtures'
import { groupByProvince } from './labels'

test('按省份看 lists the provinces A–Z by pinyin, whatever order the server sent', () => {
  const stations = ['上海市', '北京市', '新疆维吾尔自治区', '江苏省', '甘肃省', '江苏省', '广东省'].map((province, i) => station({ id: i + 1, province }))
  const groups = groupByProvince(stations)
  expect(groups.map((g) => g.province)).toEqual(['北京市', '甘肃省', '广东省', '江苏省', '上海市', '新疆维吾尔自治区'])
  expect(groups.find((g) => g.province === '江苏省')!.stations.map((s) => s.id)).toEqual([4, 6])
})
