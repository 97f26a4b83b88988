// An image imported by app code is, after the build, a URL string; here it is the file's name, so a test can tell
// which picture a component shows.
const path = require('node:path')

module.exports = {
  process(_source, filename) {
    return { code: `module.exports = ${JSON.stringify(path.basename(filename))};` }
  },
}
