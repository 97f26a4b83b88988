export default definePageConfig({
  navigationBarTitleText: '找组织',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
