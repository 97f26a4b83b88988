/** One file the staff member picked: a path Taro.uploadFile reads (an object URL on H5), its name and size. */
export interface ChosenFile {
  path: string
  name: string
  size: number
}

/** What the page says about where the file comes from: a browser's chooser needs no words. */
export const chooseSheetHint = ''

/**
 * H5: the browser's file chooser, narrowed to Excel workbooks. The object URL is what Taro.uploadFile reads back on
 * H5. Resolves with null when the chooser is closed without a pick.
 */
export function chooseSheet(): Promise<ChosenFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    const done = (file: ChosenFile | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => {
      const f = input.files?.[0]
      done(f ? { path: URL.createObjectURL(f), name: f.name, size: f.size } : null)
    })
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}
