import { isCodeLoadFailure } from './page-load-failure.h5'

test("only a failed fetch of the app's own code counts as a page that could not be fetched", () => {
  const chunkError = Object.assign(new Error('Loading chunk 3 failed.\n(error: /js/3.0e11c23b.js)'), { name: 'ChunkLoadError' })
  expect(isCodeLoadFailure(chunkError)).toBe(true)
  // Its stylesheet failing comes as a plain Error with its own wording.
  expect(isCodeLoadFailure(new Error('Loading CSS chunk 3 failed.\n(error: /css/3.74cbb555.css)'))).toBe(true)
  expect(isCodeLoadFailure(new Error('请求超时'))).toBe(false)
  expect(isCodeLoadFailure(undefined)).toBe(false)
  expect(isCodeLoadFailure('Loading chunk 3 failed')).toBe(false)
})
