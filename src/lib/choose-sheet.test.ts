import { chooseSheet } from './choose-sheet.h5'

const fileInput = () => document.body.querySelector('input[type=file]') as HTMLInputElement

beforeAll(() => {
  // jsdom has no object URLs; the browser's are opaque strings Taro.uploadFile reads back.
  URL.createObjectURL = jest.fn(() => 'blob:sheet-1')
})

test('opens the browser chooser for .xlsx and gives the picked file’s URL, name and size', async () => {
  const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
  const chosen = chooseSheet()
  const input = fileInput()
  expect(click).toHaveBeenCalledTimes(1)
  expect(input.accept).toContain('.xlsx')
  expect(input.multiple).toBe(false)
  Object.defineProperty(input, 'files', { value: [new File(['PK'], '洛门镇台账.xlsx')] })
  input.dispatchEvent(new Event('change'))
  await expect(chosen).resolves.toEqual({ path: 'blob:sheet-1', name: '洛门镇台账.xlsx', size: 2 })
  expect(fileInput()).toBeNull()
  click.mockRestore()
})

test('closing the chooser gives nothing and leaves no input behind', async () => {
  const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
  const chosen = chooseSheet()
  fileInput().dispatchEvent(new Event('cancel'))
  await expect(chosen).resolves.toBeNull()
  expect(fileInput()).toBeNull()
  click.mockRestore()
})
