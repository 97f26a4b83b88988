export default definePageConfig({
  navigationBarTitleText: '记收到的钱',
})
