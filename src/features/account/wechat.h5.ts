/** The H5 portal has no WeChat identity to sign in with: phone and SMS code only. */
export const wechatLoginAvailable = false

export async function getWechatCode(): Promise<string | null> {
  return null
}
