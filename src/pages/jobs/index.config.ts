export default definePageConfig({
  navigationBarTitleText: '找工作',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
