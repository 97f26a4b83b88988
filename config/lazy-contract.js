// The app's builds (H5 and mini-program) build the contract's schemas when first used, not when a page's code loads:
// each top-level `const x = z.…(…)` of a types/ file, each zod field of a top-level shape object, and each inline schema of an `endpoint({…})` (params, query, body,
// response) becomes `lazySchema(() => …)` (types/lazy.ts). A name with no use is then one closure, not a schema tree,
// and the call is marked pure so the minifier drops it; so is each `endpoint({…})`. The server and the tests import the contract unchanged.
const annotateAsPure = require('@babel/helper-annotate-as-pure').default

const endpointSchemas = new Set(['params', 'query', 'body', 'response'])

/** `z.object(…)`, `z.string().check(…)`, `z.array(…).check(…)`: a call chain that starts at zod. */
function zodRooted(node) {
  while (node.type === 'CallExpression' || node.type === 'MemberExpression') {
    if (node.type === 'CallExpression') node = node.callee
    else if (node.object.type === 'Identifier') return node.object.name === 'z'
    else node = node.object
  }
  return false
}

module.exports = function lazyContract({ types: t }) {
  const wrap = (state, expression) => {
    state.lazyUsed = true
    const call = t.callExpression(t.identifier('lazySchema'), [t.arrowFunctionExpression([], expression)])
    annotateAsPure(call)
    return call
  }
  return {
    name: 'lazy-contract',
    visitor: {
      Program: {
        exit(path, state) {
          if (!state.lazyUsed) return
          path.unshiftContainer(
            'body',
            t.importDeclaration([t.importSpecifier(t.identifier('lazySchema'), t.identifier('lazySchema'))], t.stringLiteral('./lazy')),
          )
        },
      },
      VariableDeclarator(path, state) {
        const owner = path.parentPath.parentPath
        const topLevel = owner.isProgram() || (owner.isExportNamedDeclaration() && owner.parentPath.isProgram())
        const init = path.node.init
        if (!topLevel || !init) return
        // A shape shared by several schemas (`pageQuery = { limit: z.…, cursor: z.… }`): each field waits too.
        if (init.type === 'ObjectExpression') {
          for (const prop of init.properties) if (prop.type === 'ObjectProperty' && zodRooted(prop.value)) prop.value = wrap(state, prop.value)
          return
        }
        if (init.type !== 'CallExpression') return
        if (init.callee.type === 'Identifier' && init.callee.name === 'endpoint') {
          const spec = init.arguments[0]
          if (!spec || spec.type !== 'ObjectExpression') return
          // `endpoint()` returns its argument: an endpoint no code of a package calls is then dropped with its schemas.
          annotateAsPure(init)
          // The summary documents the route for the server's readers; a phone never shows it.
          spec.properties = spec.properties.filter((p) => !(p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'summary'))
          for (const prop of spec.properties) {
            if (prop.type !== 'ObjectProperty' || prop.computed || prop.key.type !== 'Identifier' || !endpointSchemas.has(prop.key.name)) continue
            if (prop.value.type === 'CallExpression') prop.value = wrap(state, prop.value)
          }
          return
        }
        if (zodRooted(init)) path.node.init = wrap(state, init)
      },
    },
  }
}
