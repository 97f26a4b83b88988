import { formatDistance } from './format-distance'

test.each([
  [0, '0 米'],
  [0.0004, '0 米'],
  [0.35, '350 米'],
  [0.9994, '999 米'],
  [0.9996, '1.0 公里'],
  [1, '1.0 公里'],
  [1.26, '1.3 公里'],
  [12.04, '12.0 公里'],
  [1234.56, '1234.6 公里'],
])('%p km reads %p', (km, text) => {
  expect(formatDistance(km)).toBe(text)
})

test('nonsense gives nothing rather than NaN', () => {
  expect(formatDistance(Number.NaN)).toBe('')
  expect(formatDistance(-1)).toBe('')
})
