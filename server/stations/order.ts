/** Dialect-neutral text order: by Unicode code point, as SQLite compares UTF-8 and unlike PostgreSQL's locale. */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a)
  const y = Array.from(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

/** Compares by each key in turn. */
export function byKeys<T>(...keys: ((item: T) => string | number)[]) {
  return (a: T, b: T): number => {
    for (const key of keys) {
      const [p, q] = [key(a), key(b)]
      const d = typeof p === 'number' && typeof q === 'number' ? p - q : compareCodePoints(String(p), String(q))
      if (d !== 0) return d
    }
    return 0
  }
}
