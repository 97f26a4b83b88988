export default definePageConfig({
  navigationBarTitleText: '改老板或工地',
})
