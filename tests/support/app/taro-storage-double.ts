/**
 * A Taro stand-in for the API layer's unit tests (outbox, saved reads): device storage and the event centre in memory, a request to stub, and
 * network listeners that record their callers. Use as `jest.mock('@tarojs/taro', () => require(…).taroStorageDouble())`.
 */
export function taroStorageDouble() {
  const store = new Map<string, unknown>()
  const handlers = new Map<string, Set<(...a: unknown[]) => void>>()
  const taro = {
    request: jest.fn(),
    getStorageSync: (k: string) => (store.has(k) ? JSON.parse(JSON.stringify(store.get(k))) : ''),
    setStorageSync: (k: string, v: unknown) => store.set(k, v),
    removeStorageSync: (k: string) => store.delete(k),
    clearStorageSync: () => store.clear(),
    getStorageInfoSync: () => ({ keys: [...store.keys()] }),
    eventCenter: {
      on: (e: string, f: (...a: unknown[]) => void) => handlers.set(e, (handlers.get(e) ?? new Set()).add(f)),
      off: (e: string, f: (...a: unknown[]) => void) => handlers.get(e)?.delete(f),
      trigger: (e: string, ...a: unknown[]) => handlers.get(e)?.forEach((f) => f(...a)),
    },
    onNetworkStatusChange: jest.fn(),
    offNetworkStatusChange: jest.fn(),
    onAppShow: jest.fn(),
    offAppShow: jest.fn(),
  }
  return { __esModule: true, default: taro, ...taro }
}
