// The weapp suite runs in jest's node environment: the mini-program's own runtime (Taro's DOM) must not find a
// browser around it. miniprogram-simulate draws WeChat's component tree into a jsdom document, so that document
// and jsdom's own Event classes become globals (Node's built-in Event cannot be dispatched on jsdom nodes).
import { JSDOM } from 'jsdom'

const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>')
const g = globalThis as Record<string, unknown>
g.window = window
g.document = window.document
for (const name of ['Event', 'CustomEvent', 'Node', 'Element', 'HTMLElement', 'Text', 'MutationObserver', 'getComputedStyle']) {
  g[name] = (window as unknown as Record<string, unknown>)[name]
}
