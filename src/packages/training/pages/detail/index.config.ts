export default definePageConfig({
  navigationBarTitleText: '培训详情',
  // The mini-program's share menu and useShareAppMessage need this on the page.
  enableShareAppMessage: true,
})
