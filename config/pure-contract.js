// The contract builds its schemas and endpoints at the top of each file, so a bundler must keep every one of them:
// a call might do something. None does (zod builders and `endpoint()` only return objects), so on the mini-program
// each top-level `const x = …` call is marked pure, and the minifier drops the schemas of endpoints the package never
// calls (the staff's, the other areas'). Calls inside functions are left alone: their results may be unused on purpose.
const annotateAsPure = require('@babel/helper-annotate-as-pure').default

module.exports = function pureContract() {
  const markCalls = {
    Function(path) {
      path.skip()
    },
    'CallExpression|NewExpression'(path) {
      annotateAsPure(path)
    },
  }
  return {
    name: 'pure-contract',
    visitor: {
      VariableDeclarator(path) {
        // Top-level only: `const x = …` or `export const x = …` directly in the file.
        const declaration = path.parentPath
        const owner = declaration.parentPath
        const topLevel = owner.isProgram() || (owner.isExportNamedDeclaration() && owner.parentPath.isProgram())
        if (!topLevel || !path.node.init) return
        const init = path.get('init')
        if (init.isCallExpression() || init.isNewExpression()) annotateAsPure(init)
        init.traverse(markCalls)
      },
    },
  }
}
