// Stands in for @tarojs/router/dist/style.js, whose functions write the router's rules into <style> elements of their
// own: the navigation bar's as the router starts, the pages' and the tab container's as it shows the first page. Each
// one restyled the whole first screen already drawn, on a cheap phone a long task after the first paint. The same
// rules come with the app's stylesheet (src/styles/_taro-router.scss), so here they write nothing.
export function loadAnimateStyle() {}
export function loadRouterStyle() {}
export function loadNavigationBarStyle() {}
export function addStyle() {}
