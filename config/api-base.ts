/**
 * A production mini-program calls the API at TARO_APP_API_BASE, baked in at build time. WeChat only lets it reach
 * https hosts registered as 合法域名, so anything else would build an app that cannot load a single job.
 */
export function checkWeappApiBase(value: string | undefined): string {
  const hint = 'Set TARO_APP_API_BASE (in the environment or .env.production) to the API\'s https address, e.g. https://wugongtong.example.cn/api.'
  if (!value) throw new Error(`TARO_APP_API_BASE is not set for the production weapp build. ${hint}`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`TARO_APP_API_BASE "${value}" is not an absolute URL. ${hint}`)
  }
  if (url.protocol !== 'https:') throw new Error(`TARO_APP_API_BASE "${value}" is not https: WeChat refuses plain http. ${hint}`)
  if (/^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(url.hostname)) {
    throw new Error(`TARO_APP_API_BASE "${value}" points at this computer, not a server phones can reach. ${hint}`)
  }
  return value
}
