/** The mini-program's pages come from its package, with no server-written page around them: nothing embedded. */
export function takeFirstRead(_url: string): unknown {
  return undefined
}
