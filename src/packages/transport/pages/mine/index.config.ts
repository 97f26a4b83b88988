export default definePageConfig({
  navigationBarTitleText: '我报名的车',
  enablePullDownRefresh: true,
})
