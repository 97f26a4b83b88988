import Taro from '@tarojs/taro'

/** Mini-program: WeChat's chooser (album or camera, compressed). Nothing when the worker closes it without picking. */
export async function choosePhotos(count: number): Promise<string[]> {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFilePaths.slice(0, count)
  } catch {
    return []
  }
}
