export default definePageConfig({
  navigationBarTitleText: '求助前要准备什么',
})
