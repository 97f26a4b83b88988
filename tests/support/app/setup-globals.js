// Runs before each app test file (jest project 'app'): what Taro's build would otherwise define.
// Compile-time flags Taro's runtime reads (DefinePlugin replaces them in a real build).
global.ENABLE_INNER_HTML = true
global.ENABLE_ADJACENT_HTML = true
global.ENABLE_SIZE_APIS = true
global.ENABLE_TEMPLATE_CONTENT = true
global.ENABLE_CLONE_NODE = true
global.ENABLE_CONTAINS = true
global.ENABLE_MUTATION_OBSERVER = true

// The tests run the H5 flavour of the app (platform files resolve to *.h5.ts through their shared re-export).
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
global.TARO_PLATFORM = 'web'

// jsdom lacks a few browser APIs that Taro's H5 components touch.
if (typeof window !== 'undefined') {
  window.matchMedia =
    window.matchMedia ||
    ((query) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }))
  window.scrollTo = window.scrollTo || (() => {})
  if (!window.IntersectionObserver) {
    window.IntersectionObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return []
      }
    }
  }
  if (!window.ResizeObserver) {
    window.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
  }
}

// Taro's React component wrappers read this build flag.
global.DEPRECATED_ADAPTER_COMPONENT = false

