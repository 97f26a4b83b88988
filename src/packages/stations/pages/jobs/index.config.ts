export default definePageConfig({
  navigationBarTitleText: '这里在招的工作',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
