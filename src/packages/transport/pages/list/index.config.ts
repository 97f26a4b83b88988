export default definePageConfig({
  navigationBarTitleText: '坐专车去上班',
  enablePullDownRefresh: true,
})
