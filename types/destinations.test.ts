import { byPinyin, countyCities, countyCityOf, pinyinInitial, prefectureOf, provincePinyin } from './destinations'
import { provinceOfCity, provinces } from './rights'

test('every province has its pinyin, and they sort A–Z as a person reads them', () => {
  for (const p of provinces) expect(provincePinyin[p]).toBeTruthy()
  const sorted = ['江苏省', '北京市', '新疆维吾尔自治区', '广东省', '陕西省', '山西省', '上海市', '甘肃省'].sort(byPinyin)
  expect(sorted).toEqual(['北京市', '甘肃省', '广东省', '江苏省', '陕西省', '上海市', '山西省', '新疆维吾尔自治区'])
  expect(pinyinInitial('江苏省')).toBe('J')
})

test('county-level cities where the workers are map to their prefecture, however they are written', () => {
  for (const name of ['昆山', '江阴', '义乌', '张家港', '常熟', '晋江', '慈溪']) expect(countyCityOf(name)).toBeTruthy()
  expect(prefectureOf('昆山')).toBe('苏州市')
  expect(prefectureOf('江苏省昆山市')).toBe('苏州市')
  expect(prefectureOf('江阴市')).toBe('无锡市')
  expect(prefectureOf('晋江')).toBe('泉州市')
  expect(prefectureOf('无锡市')).toBe('无锡市')
  expect(provinceOfCity('义乌')).toBe('浙江省')
  expect(provinceOfCity('晋江市')).toBe('福建省')
})

test('every county-level city lies inside China, near its prefecture', () => {
  for (const c of countyCities) {
    expect(c.lat).toBeGreaterThan(18)
    expect(c.lat).toBeLessThan(54)
    expect(c.lng).toBeGreaterThan(73)
    expect(c.lng).toBeLessThan(135)
  }
})
