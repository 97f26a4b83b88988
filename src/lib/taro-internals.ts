/**
 * The names of Taro 4.2's private internals this app relies on, in one place. None is public API: an upgrade may
 * change any of them, and tests/server/framework-internals.test.ts reads the installed packages to fail loudly when
 * one does. Code uses them only through the adapters that import this file (taro-router.h5.ts, styles/_taro.scss).
 */
export const taroInternals = {
  /** Taro's H5 router fires these on its event centre as it starts and finishes showing a page. */
  routeChangeStart: '__taroRouterChange',
  routeChangeEnd: '__afterTaroRouterChange',
  /** The router's history (the `history` package) numbers its entries as `idx` in history.state. */
  historyIndexKey: 'idx',
  /** Class names of the H5 router's page containers (styled in styles/_taro.scss). */
  pageClass: 'taro_page',
  tabBarPageClass: 'taro_tabbar_page',
  /**
   * The H5 router's navigation bar: it starts 24 px tall with only this id, before a page's config says show or hide
   * (the show class); styles/_taro.scss keeps it hidden until shown, so the page under it never moves up at start.
   */
  navigationBarId: 'taro-navigation-bar',
  navigationBarShowClass: 'taro-navigation-bar-show',
  /** A CSS variable Taro's H5 build rewrites to a fixed 50px wherever var() reads it. */
  tabBarHeightVariable: '--taro-tabbar-height',
  /** The export of @tarojs/components that the H5 router imports for its own tab bar (config/no-tab-bar.js stands in). */
  routerTabBarExport: 'defineCustomElementTaroTabbar',
  /** Where NutUI 3.0.20 keeps each component for on-demand import (babel.config.js). */
  nutuiPackagesDir: '@nutui/nutui-react-taro/dist/es/packages',
} as const
