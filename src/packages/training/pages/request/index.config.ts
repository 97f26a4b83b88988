export default definePageConfig({
  navigationBarTitleText: '想学什么告诉我们',
})
