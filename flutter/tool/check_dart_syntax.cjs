// Parses Dart files with tree-sitter's Dart grammar (WebAssembly build from
// the tree-sitter-wasms package, run by web-tree-sitter: no native code, no
// Dart SDK) and fails on any syntax error, naming file, line and column.
//
//   node check_dart_syntax.cjs PATH...   (files, or folders searched for *.dart)
//
// One gap of the grammar is bridged, narrowly: it lacks `external` variable
// declarations (Dart 2.12), which is how dart:ffi struct fields are written
// (`@ffi.Int32() external int x;`). On lines that are exactly such a
// declaration the keyword is blanked before parsing, so the rest of the line
// is still checked as a field; an `external` anywhere else is parsed as is.
'use strict';
const fs = require('fs');
const path = require('path');
const { Parser, Language } = require('web-tree-sitter');

const EXTERNAL_FIELD =
  /^(\s*)external(\s+(?:static\s+)?(?:final\s+)?[A-Za-z_$][\w$.]*(?:<[^;{}()=]*>)?\??\s+[A-Za-z_$][\w$]*\s*;\s*(?:\/\/.*)?)$/gm;
const SKIP_DIRS = new Set(['node_modules', '.dart_tool', 'build', '.git']);

function dartFiles(p, out) {
  const st = fs.statSync(p);
  if (st.isFile()) {
    out.push(p);
  } else if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (SKIP_DIRS.has(name)) continue;
      const child = path.join(p, name);
      if (fs.statSync(child).isDirectory() || name.endsWith('.dart')) dartFiles(child, out);
    }
  }
  return out;
}

function problems(tree) {
  const found = [];
  (function walk(node) {
    if (node.type === 'ERROR' || node.isMissing) {
      const what = node.isMissing ? `missing ${node.type}` : 'unexpected';
      const text = JSON.stringify(node.text.slice(0, 50));
      found.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${what} ${text}`);
      return;
    }
    if (node.hasError) for (const child of node.children) walk(child);
  })(tree.rootNode);
  if (found.length === 0 && tree.rootNode.hasError) found.push('1:1: syntax error');
  return found;
}

(async () => {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: check_dart_syntax.cjs PATH...');
    process.exit(2);
  }
  await Parser.init();
  const dart = await Language.load(require.resolve('tree-sitter-wasms/out/tree-sitter-dart.wasm'));
  const parser = new Parser();
  parser.setLanguage(dart);
  const files = args.flatMap((a) => dartFiles(a, []));
  let bad = 0;
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8').replace(EXTERNAL_FIELD, '$1        $2');
    const found = problems(parser.parse(source));
    if (found.length) {
      bad++;
      for (const p of found) console.log(`FAIL: ${file}:${p}`);
    }
  }
  if (files.length === 0) {
    console.log('FAIL: no Dart files found');
    process.exit(1);
  }
  console.log(`dart syntax: ${files.length - bad} of ${files.length} files parse cleanly`);
  process.exit(bad ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
