import { fireEvent, render, screen } from '@testing-library/react'
import type { StationCity } from '@contract'
import { CityPicker } from '.'

jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  return { ...actual, useApi: jest.fn() }
})
const { useApi } = jest.requireMock('@/api') as { useApi: jest.Mock }

const city = (province: string, name: string, lat = 31, lng = 120): StationCity => ({ province, city: name, lat, lng, stationCount: 1 })

beforeEach(() => {
  // As the server sends them: in code-point order, which is no order a person knows.
  useApi.mockReturnValue({
    data: {
      items: [
        city('上海市', '上海市'),
        city('北京市', '北京市'),
        city('新疆维吾尔自治区', '乌鲁木齐市'),
        city('江苏省', '无锡市', 31.57, 120.3),
        city('江苏省', '苏州市', 31.3, 120.6),
        city('浙江省', '金华市'),
        city('甘肃省', '兰州市'),
      ],
    },
    error: null,
    loading: false,
    refresh: jest.fn(),
  })
})

const provinceHeadings = () => [...document.querySelectorAll('.city-picker__group-name')].map((el) => el.textContent)
const citiesOf = (province: string) => {
  const group = [...document.querySelectorAll('.city-picker__group')].find((g) => g.querySelector('.city-picker__group-name')?.textContent === province)!
  return [...group.querySelectorAll('.city-picker__name')].map((el) => el.textContent)
}

describe('CityPicker', () => {
  it('groups the cities under their provinces, A–Z by pinyin', () => {
    render(<CityPicker reason='change' onChoose={() => {}} />)
    // 福建, 山东 and 陕西 come with their county-level cities (晋江, 龙口, 神木).
    expect(provinceHeadings()).toEqual(['北京', '福建', '甘肃', '江苏', '陕西', '山东', '上海', '新疆', '浙江'])
  })

  it('offers the county-level cities where workers are, each saying which city it belongs to', () => {
    render(<CityPicker reason='change' onChoose={() => {}} />)
    expect(citiesOf('江苏')).toEqual(['常熟', '江阴', '昆山', '苏州', '太仓', '无锡', '宜兴', '张家港'])
    expect(citiesOf('浙江')).toEqual(expect.arrayContaining(['义乌', '慈溪', '金华']))
    expect(screen.getByLabelText('昆山，属苏州市')).toBeTruthy()
  })

  it('choosing 昆山 measures from 昆山 itself, and carries 苏州 as the city whose stations serve it', () => {
    const onChoose = jest.fn()
    render(<CityPicker reason='change' onChoose={onChoose} />)
    fireEvent.click(screen.getByLabelText('昆山，属苏州市'))
    expect(onChoose).toHaveBeenCalledWith({ province: '江苏省', city: '昆山市', lat: 31.3856, lng: 120.9807, stationCount: 0, prefecture: '苏州市' })
  })
})
