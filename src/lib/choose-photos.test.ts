import { choosePhotos } from './choose-photos.h5'

const fileInput = () => document.body.querySelector('input[type=file]') as HTMLInputElement

beforeAll(() => {
  // jsdom has no object URLs; the browser's are opaque strings Taro.uploadFile reads back.
  let n = 0
  URL.createObjectURL = jest.fn(() => `blob:photo-${++n}`)
})

test('opens the browser chooser for images and gives one URL per picked photo, at most the count asked', async () => {
  const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
  const chosen = choosePhotos(2)
  const input = fileInput()
  expect(click).toHaveBeenCalledTimes(1)
  expect(input.accept).toBe('image/*')
  expect(input.multiple).toBe(true)
  const photo = (name: string) => new File(['x'], name, { type: 'image/jpeg' })
  Object.defineProperty(input, 'files', { value: [photo('a.jpg'), photo('b.jpg'), photo('c.jpg')] })
  input.dispatchEvent(new Event('change'))
  await expect(chosen).resolves.toEqual(['blob:photo-1', 'blob:photo-2'])
  expect(fileInput()).toBeNull()
  click.mockRestore()
})

test('one photo left: a single pick; closing the chooser gives nothing and leaves no input behind', async () => {
  const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
  const chosen = choosePhotos(1)
  expect(fileInput().multiple).toBe(false)
  fileInput().dispatchEvent(new Event('cancel'))
  await expect(chosen).resolves.toEqual([])
  expect(fileInput()).toBeNull()
  click.mockRestore()
})
