export default definePageConfig({
  navigationBarTitleText: '添加老板或工地',
})
