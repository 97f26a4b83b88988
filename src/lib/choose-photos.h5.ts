/**
 * H5: the browser's own file chooser (photo library or camera), as object URLs that Taro.uploadFile reads. Taro's
 * chooseImage does the same through its device-info and user-agent layers, which the rights form's first load
 * should not carry. Resolves with nothing when the worker closes the chooser without picking.
 */
export function choosePhotos(count: number): Promise<string[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = count > 1
    input.style.display = 'none'
    const done = (paths: string[]) => {
      input.remove()
      resolve(paths)
    }
    input.addEventListener('change', () => done(Array.from(input.files ?? [], (f) => URL.createObjectURL(f)).slice(0, count)))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}
