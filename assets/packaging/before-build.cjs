// electron-builder beforeBuild hook. esbuild bundles every dependency into dist/ (scripts/build-node.mjs), so the
// app needs no node_modules: resolving false tells electron-builder that node_modules are handled outside it, and
// it then neither installs, rebuilds nor packs them (app-builder-lib packager.js: _nodeModulesHandledExternally).
module.exports = async function beforeBuild() {
  return false;
};
