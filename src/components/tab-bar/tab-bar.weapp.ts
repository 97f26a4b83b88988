/** The mini-program's tab bar is WeChat's own (app.config.ts); H5 draws one (tab-bar.h5.tsx). */
export function TabBar() {
  return null
}
