export default definePageConfig({
  navigationBarTitleText: '培训',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
