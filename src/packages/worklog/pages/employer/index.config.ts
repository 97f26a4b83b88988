export default definePageConfig({
  navigationBarTitleText: '欠我多少钱',
})
