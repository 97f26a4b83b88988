/**
 * A schema built the first time anything reads it: the app's builds wrap the contract's top-level schemas in this
 * (config/lazy-contract.js), so a page's code loads without building every schema of its area first; building them
 * was the longest task of a first load on a cheap phone. The server imports the contract as written and builds all at
 * start. Transparent to zod: every read, `in` and key listing goes to the built schema.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined
  const schema = (): T => (built ??= build())
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key)
      // A proxy may not report a property its own (empty) target lacks as fixed.
      return d && { ...d, configurable: true }
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(schema(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  })
}
