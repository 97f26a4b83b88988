export default definePageConfig({
  navigationBarTitleText: '家门口就业',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
