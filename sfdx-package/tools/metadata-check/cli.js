#!/usr/bin/env node
'use strict';

// Usage: node tools/metadata-check/cli.js [--known tools/known-gaps.txt] [projectDir]
// projectDir defaults to the sfdx-package folder. Problems matching a "metadata:" entry of the known-gaps file are
// listed but do not fail; an entry that matches nothing fails, so fixed gaps get removed from the file.
const path = require('node:path');
const { checkProject } = require('./checker');
const { loadKnownGaps, partitionKnown } = require('./known-gaps');

const args = process.argv.slice(2);
const knownIndex = args.indexOf('--known');
const gaps = knownIndex === -1 ? [] : loadKnownGaps(args.splice(knownIndex, 2)[1], 'metadata');
const projectDir = path.resolve(args[0] || path.join(__dirname, '..', '..'));
const { errors, counts } = checkProject(projectDir);
const { failing, known, stale } = partitionKnown(errors, gaps);

for (const error of known) {
    console.error(`  known gap: ${error}`);
}
for (const error of failing) {
    console.error(`  ✗ ${error}`);
}
for (const entry of stale) {
    console.error(`  ✗ known-gaps entry matches nothing, remove it: ${entry}`);
}
console.log(
    `metadata check: ${counts.metadataFiles || 0} metadata files, ${counts.customObjects || 0} custom objects, ` +
        `${counts.fields || 0} package fields, ${counts.apexClasses || 0} Apex classes; ` +
        `${failing.length + stale.length} problem(s), ${known.length} known gap(s)`
);
process.exit(failing.length || stale.length ? 1 : 0);
