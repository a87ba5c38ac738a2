// Runs the Khronos glTF validator on every .glb/.gltf given (files or folders) and prints
// one line per file; exits 1 when any file has an error (warnings are reported, not fatal).
//
//   node tools/validate_gltf.mjs assets [more files or folders]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import validator from 'gltf-validator';

function collect(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).sort().flatMap((name) => collect(join(path, name)));
  }
  return ['.glb', '.gltf'].includes(extname(path).toLowerCase()) ? [path] : [];
}

const files = process.argv.slice(2).flatMap(collect);
if (files.length === 0) {
  console.error('validate_gltf: no .glb or .gltf files given');
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const report = await validator.validateBytes(new Uint8Array(readFileSync(file)), {
    uri: file,
    maxIssues: 100,
  });
  const { numErrors, numWarnings, numInfos } = report.issues;
  console.log(`${file}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos`);
  for (const issue of report.issues.messages) {
    if (issue.severity <= 1) {
      const kind = issue.severity === 0 ? 'error' : 'warning';
      console.log(`  ${kind} ${issue.code} at ${issue.pointer ?? ''}: ${issue.message}`);
    }
  }
  if (numErrors > 0) failed = true;
}
process.exit(failed ? 1 : 0);
