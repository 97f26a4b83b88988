// Stands in for @tarojs/components' web components where Taro's H5 router imports its tab bar from them. The portal
// draws its own tab bar (tabBar.custom on H5), so the router never defines Taro's; without this stand-in the
// Stencil runtime behind it would still be in every first load.
export function defineCustomElementTaroTabbar() {}
