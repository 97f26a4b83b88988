import { createRequire } from 'node:module'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { checkWeappApiBase } from './api-base'
import { ModuleSizesPlugin } from './module-sizes'
import { ServiceWorkerPlugin } from './service-worker-plugin'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
// The extract loader of the copy Taro's own build uses: it only works beside that copy's plugin.
const fromTaro = createRequire(require.resolve('@tarojs/webpack5-runner'))
const taroExtractLoader = fromTaro('mini-css-extract-plugin').loader as string
// The contract lives in types/ at the repo root, outside sourceRoot: Taro only runs its loaders on src/ and
// must be told to compile these files too (mini and h5 each have their own `compile.include`).
const contractDir = path.join(root, 'types')
// Packages shipped as modern syntax (optional chaining, `??`, classes) that old WeChat clients and Android
// WebViews cannot run: Taro does not transpile node_modules unless told to. zod/mini arrives via the contract.
const modernPackages = (file: string) => /[\\/]node_modules[\\/](zod|gcoord)[\\/]/.test(file)

// Terser's own defaults where Taro's mini-program preset turns them off (Taro keeps `toplevel`, `hoist_funs` off).
const weappTerser = {
  compress: {
    collapse_vars: true,
    comparisons: true,
    computed_props: true,
    hoist_props: true,
    inline: true,
    loops: true,
    negate_iife: true,
    properties: true,
    reduce_funcs: true,
    reduce_vars: true,
    switches: true,
    typeofs: true,
  },
  output: { ascii_only: false },
}

// https://docs.taro.zone/docs/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wugongtong',
    date: '2026-11-26',
    // NutUI is drawn at 375 wide, our own styles at 750 (the number in px is halved on a 375 phone).
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
      return file.includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform: the server serves dist/h5, WeChat DevTools opens dist/weapp.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // NutUI emits HTML tags (icons are <i>, some components <span>/<div>) that Taro's base.wxml has no template for:
    // on weapp they render as nothing. plugin-html maps them onto text/view. tests/weapp fails on any missing template.
    plugins: process.env.TARO_ENV === 'weapp' ? ['@tarojs/plugin-html'] : [],
    alias: {
      '@': path.join(root, 'src'),
      '@contract': contractDir,
    },
    // Taro bakes in TARO_APP_* from .env files only; the templates are set in the environment of the build
    // (deploy.md, and scripts/weapp-build.mjs for the weapp tests), so they are handed over here. Unset asks nothing.
    env: { TARO_APP_WECHAT_TEMPLATES: JSON.stringify(process.env.TARO_APP_WECHAT_TEMPLATES ?? '') },
    defineConstants: {},
    // H5: the web app manifest and its pictures (src/assets/app-icon, drawn by scripts/make-icons.mjs) at fixed
    // addresses, which index.html and the manifest name; the service worker keeps them with the shell.
    copy: {
      patterns:
        process.env.TARO_ENV === 'h5'
          ? [
              { from: 'src/manifest.webmanifest', to: 'dist/h5/manifest.webmanifest' },
              { from: 'src/assets/app-icon/', to: 'dist/h5/icons/' },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    // NutUI advises against prebundling (its on-demand imports confuse the prebundle step).
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // The mini-program's minifier: Taro turns most of terser's compression off and writes every Chinese character as a
    // six-byte \uXXXX escape (three bytes as UTF-8, which WeChat reads). With terser's defaults, still ES5 out, the
    // main package is about 20 KB smaller.
    ...(process.env.TARO_ENV === 'weapp' ? { terser: { enable: true, config: weappTerser } } : {}),
    cache: { enable: false },
    // The mini-program's base.wxml spells out one template per level of nesting for every component; past this depth
    // Taro nests a custom component and starts again. 8 levels instead of 16: 21 KB less main package; tests/weapp
    // renders every page, the deepest forms among them, through WeChat's compiler.
    baseLevel: 8,
    sass: {},
    mini: {
      // Modules only a subpackage uses move out of the main package's common chunk.
      optimizeMainPackage: { enable: true },
      compile: { include: [contractDir, modernPackages] },
      // Each component imports its own stylesheet, so two pages may meet them in different orders; that is fine
      // because no two component stylesheets style the same selector.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // The module list `npm run bench:size` reads to name the main package's largest modules.
      webpackChain(chain) {
        chain.plugin('module-sizes').use(ModuleSizesPlugin, [path.join(root, 'dist/weapp-modules.json')])
        // As on H5: an area file reached only through another's re-export is left out when none of it is used.
        chain.module.rule('side-effect-free').test(/\.ts$/).include.add(contractDir).end().set('sideEffects', false)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // package.json's phones without its `last 3 versions`: no desktop browser runs a mini-program, and their -ms-
        // prefixes were 3 KB of the main package. The -webkit- ones old WeChat clients need stay.
        autoprefixer: { enable: true, config: { flexbox: 'no-2009', overrideBrowserslist: ['Android >= 4.1', 'ios >= 8'] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Browser history: the server answers deep links (/pages/jobs/index, /packages/…) with index.html.
      router: { mode: 'browser' },
      // Taro's plain React components instead of its Stencil web components: most of a page's blocking time on a
      // cheap phone was spent upgrading custom elements. A field's class is then on the <input> itself.
      useHtmlComponents: true,
      compile: { include: [contractDir, modernPackages] },
      webpackChain(chain, webpack) {
        // The module list `npm run bench:size` reads to name what the first load is made of.
        chain.plugin('module-sizes').use(ModuleSizesPlugin, [path.join(root, 'dist/h5-modules.json')])
        // sw.js: the shell and every tab kept on the phone, so the portal opens offline after a first visit. Production
        // only, as its registration (src/lib/offline-pages.h5.ts): a worker caching a dev build would hide changes.
        if (process.env.NODE_ENV === 'production') {
          chain.plugin('service-worker').use(ServiceWorkerPlugin, ['/'])
          // Taro's own component styles go into a stylesheet like ours, instead of <style> elements its script adds at
          // start: each one added restyled the whole page already drawn, on a cheap phone a long task of its own, and
          // a notice drawn before the script moved when they came. Their file is linked first, so ours still win.
          const taroStyle = chain.module.rule('taroStyle')
          taroStyle.uses.clear()
          taroStyle.use('extract').loader(taroExtractLoader)
          const splitChunks = chain.optimization.get('splitChunks')
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              taroStyles: { name: 'taro', type: 'css/mini-extract', test: (m: { identifier(): string }) => /[\\/]@tarojs[\\/]/.test(m.identifier()), chunks: 'all', enforce: true, priority: 20 },
            },
          })
        }
        // The app's start in four tasks, not one (config/staged-start.js): it runs on the entry Taro generates from
        // app.config.ts, after Taro's loader and before the compile (a `pre` loader runs just after Taro's own).
        chain.module.rule('staged-start').test(/[\\/]src[\\/]app\.config\.ts$/).enforce('pre').use('staged-start').loader(path.join(root, 'config/staged-start.js'))
        // The contract and the client do nothing when loaded but define things: a page then carries only the schemas
        // and client modules it uses, not every area's (building every zod schema was the longest task of a first load).
        chain.module.rule('side-effect-free').test(/\.ts$/).include.add(contractDir).add(path.join(root, 'src/api')).end().set('sideEffects', false)
        // Taro's router writes its rules into <style> elements as it starts; they come with the app's stylesheet.
        chain.plugin('no-router-styles').use(webpack.NormalModuleReplacementPlugin, [
          /^\.\.?\/style\.js$/,
          (resource: { context: string; request: string }) => {
            if (/[\\/]@tarojs[\\/]router[\\/]dist\b/.test(resource.context)) resource.request = path.join(root, 'config/no-router-styles.js')
          },
        ])
        chain.plugin('no-router-tab-bar').use(webpack.NormalModuleReplacementPlugin, [
          /^@tarojs\/components\/dist\/components$/,
          (resource: { context: string; request: string }) => {
            if (/[\\/]@tarojs[\\/]router[\\/]/.test(resource.context)) resource.request = path.join(root, 'config/no-tab-bar.js')
          },
        ])
      },
      // Content hashes: the server may cache js/css forever; index.html itself must not be cached.
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  // A shipped mini-program without a reachable https API is useless: fail the build instead.
  if (process.env.TARO_ENV === 'weapp') checkWeappApiBase(process.env.TARO_APP_API_BASE)
  return merge({}, baseConfig, prodConfig)
})
