// babel-preset-taro compiles the app; under jest (NODE_ENV=test) it targets the running node.
// NutUI on demand: `import { Tabs } from '@nutui/nutui-react-taro'` becomes an import of that one component and its CSS.
// The paths NutUI's docs give (dist/esm/...) do not exist in 3.0.20; dist/es/packages/<lower-case name> does.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
