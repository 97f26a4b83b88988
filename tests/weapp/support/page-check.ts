// Opening one page as a link would and reading what a worker (or an officer) sees there.
import type { Phone } from './phone'

/** What a page must show, opened with the query a real link carries. */
export interface PageExpectation {
  query?: () => string
  shows: () => (string | RegExp)[]
  /** Must not be on the page once it shows everything above (e.g. a sign-in prompt for a signed-in worker). */
  hides?: () => (string | RegExp)[]
  /** The page in front once it settles, when it is not the one opened (a page that sends you to sign in). */
  opens?: string
}

const has = (text: string, what: string | RegExp) => (typeof what === 'string' ? text.includes(what) : what.test(text))

/**
 * Opens `route` on a fresh stack (WeChat's reLaunch) and waits until it shows what `expected` names; without an
 * expectation it must still draw something. Returns the problems (missing templates, runtime errors) it caused.
 */
export async function openAndCheck(phone: Phone, route: string, expected?: PageExpectation): Promise<string[]> {
  const query = expected?.query?.() ?? ''
  await phone.reLaunch(`/${route}${query ? `?${query}` : ''}`)
  if (expected) {
    // A page that should stay must not have sent the phone elsewhere (e.g. to sign in).
    await phone.waitForPage(expected.opens ?? route)
    const shows = expected.shows()
    const hides = expected.hides?.() ?? []
    const missing = (t: string) => shows.filter((w) => !has(t, w)).map(String)
    const present = (t: string) => hides.filter((w) => has(t, w)).map(String)
    await phone.waitForTextWhere(
      (t) => missing(t).length === 0 && present(t).length === 0,
      `${route}: shows [${shows.map(String).join(', ')}]${hides.length ? ` and not [${hides.map(String).join(', ')}]` : ''}`,
    )
  } else {
    await phone.waitForText(/\S/)
  }
  // Late answers (second requests, timers) get their chance to misrender, or to navigate away.
  await new Promise((r) => setTimeout(r, 150))
  const problems = phone.takeProblems()
  const landed = expected?.opens ?? route
  if (expected && phone.current().route !== landed) problems.push(`${route} ended on ${phone.current().route}, not ${landed}`)
  return problems
}
