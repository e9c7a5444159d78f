#!/usr/bin/env node
'use strict';

// Usage: node tools/metadata-check/cli.js [projectDir]   (defaults to the sfdx-package folder)
const path = require('node:path');
const { checkProject } = require('./checker');

const projectDir = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const { errors, counts } = checkProject(projectDir);

for (const error of errors) {
    console.error(`  ✗ ${error}`);
}
console.log(
    `metadata check: ${counts.metadataFiles || 0} metadata files, ${counts.customObjects || 0} custom objects, ` +
        `${counts.fields || 0} package fields, ${counts.apexClasses || 0} Apex classes; ${errors.length} problem(s)`
);
process.exit(errors.length ? 1 : 0);
