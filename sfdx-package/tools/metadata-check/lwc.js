'use strict';

// LWC bundles: target objects, Apex and schema imports.

const fs = require('node:fs');
const path = require('node:path');
const { METADATA_NS, walk } = require('./xml');
const { stripApex } = require('./apex');

function checkLwc(ctx, defaultDir, classes) {
    const dir = path.join(defaultDir, 'lwc');
    if (!fs.existsSync(dir)) {
        return;
    }
    for (const bundle of fs.readdirSync(dir)) {
        const bundleDir = path.join(dir, bundle);
        if (!fs.statSync(bundleDir).isDirectory() || bundle.startsWith('.')) {
            continue;
        }
        const metaFile = path.join(bundleDir, `${bundle}.js-meta.xml`);
        if (!fs.existsSync(path.join(bundleDir, `${bundle}.js`)) || !fs.existsSync(metaFile)) {
            ctx.report(bundleDir, `LWC bundle ${bundle} needs ${bundle}.js and ${bundle}.js-meta.xml`);
            continue;
        }
        const root = ctx.xml(metaFile);
        if (root) {
            for (const object of root.getElementsByTagNameNS(METADATA_NS, 'object')) {
                if (!ctx.schema.object(object.textContent.trim())) {
                    ctx.report(metaFile, `target object ${object.textContent.trim()} is unknown`);
                }
            }
        }
        for (const file of walk(bundleDir).filter((f) => f.endsWith('.js'))) {
            checkLwcImports(ctx, file, classes);
        }
    }
}

function checkLwcImports(ctx, file, classes) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/from\s+['"]@salesforce\/apex\/([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)['"]/g)) {
        const apexClass = classes.get(match[1].toLowerCase());
        if (!apexClass) {
            ctx.report(file, `imports Apex class ${match[1]} that is not in the package`);
            continue;
        }
        const { code } = stripApex(apexClass.source);
        const method = new RegExp(`@AuraEnabled[^;{]*?\\bstatic\\s+[^;{]*?\\b${match[2]}\\s*\\(`, 'i');
        if (!method.test(code)) {
            ctx.report(file, `${match[1]}.${match[2]} is not an @AuraEnabled static method`);
        }
    }
    for (const match of source.matchAll(
        /from\s+['"]@salesforce\/schema\/([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_.]+))?['"]/g
    )) {
        const problem = match[2]
            ? ctx.schema.resolvePath(match[1], match[2])
            : ctx.schema.object(match[1])
              ? null
              : 'unknown object';
        if (problem) {
            ctx.report(file, `schema import ${match[1]}${match[2] ? '.' + match[2] : ''}: ${problem}`);
        }
    }
}

module.exports = { checkLwc };
