'use strict';

// Apex classes: meta pairing and every object/field name the source uses.

const fs = require('node:fs');
const path = require('node:path');
const { text } = require('./xml');
const { extractSoql, checkSoql, balanced } = require('./soql');

function checkApex(ctx, files) {
    const classes = new Map();
    for (const file of files.filter((f) => f.endsWith('.cls'))) {
        const name = path.basename(file, '.cls');
        classes.set(name.toLowerCase(), { name, file, source: fs.readFileSync(file, 'utf8') });
        const meta = `${file}-meta.xml`;
        if (!fs.existsSync(meta)) {
            ctx.report(file, `Apex class ${name} has no ${name}.cls-meta.xml`);
        } else {
            const root = ctx.xml(meta);
            if (root && (root.localName !== 'ApexClass' || !text(root, 'apiVersion'))) {
                ctx.report(meta, 'must be an <ApexClass> with an <apiVersion>');
            }
        }
    }
    for (const meta of files.filter((f) => f.endsWith('.cls-meta.xml'))) {
        if (!fs.existsSync(meta.replace(/-meta\.xml$/, ''))) {
            ctx.report(meta, 'metadata file without its .cls source');
        }
    }
    for (const apexClass of classes.values()) {
        checkApexReferences(ctx, apexClass);
    }
    return classes;
}

// Replaces comments by spaces and string literals by '' while keeping the literal values for a separate check.
function stripApex(source) {
    const strings = [];
    let out = '';
    let i = 0;
    while (i < source.length) {
        if (source.startsWith('//', i)) {
            const end = source.indexOf('\n', i);
            i = end === -1 ? source.length : end;
        } else if (source.startsWith('/*', i)) {
            const end = source.indexOf('*/', i + 2);
            i = end === -1 ? source.length : end + 2;
            out += ' ';
        } else if (source[i] === "'") {
            let j = i + 1;
            let value = '';
            while (j < source.length && source[j] !== "'") {
                if (source[j] === '\\') {
                    value += source[j + 1];
                    j += 2;
                } else {
                    value += source[j++];
                }
            }
            strings.push(value);
            out += "''";
            i = j + 1;
        } else {
            out += source[i++];
        }
    }
    return { code: out, strings };
}

function checkApexReferences(ctx, apexClass) {
    const { code, strings } = stripApex(apexClass.source);
    const report = (message) => ctx.report(apexClass.file, message);

    for (const soql of extractSoql(code)) {
        checkSoql(ctx, soql, report);
    }
    // new Account(Name = ..., BC_Company_Id__c = ...): every named field must exist on that object.
    const constructor = /\bnew\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;
    let match;
    while ((match = constructor.exec(code))) {
        const objectName = match[1];
        if (!ctx.schema.object(objectName)) {
            if (/__(c|e)$/i.test(objectName)) {
                report(`new ${objectName}(...) refers to an object that is not in the package`);
            }
            continue;
        }
        const args = balanced(code, match.index + match[0].length - 1, '(', ')');
        for (const arg of splitTopLevel(args)) {
            const assignment = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(arg);
            if (assignment && !ctx.schema.field(objectName, assignment[1])) {
                report(`${objectName}.${assignment[1]} does not exist`);
            }
        }
    }
    // Any other custom name (field tokens like record.BC_Status__c, SObject types, __r traversals).
    for (const identifier of new Set(code.match(/\b[A-Za-z][A-Za-z0-9_]*__(c|r|e)\b/g) || [])) {
        if (!ctx.schema.hasAnyCustomName(identifier)) {
            report(`${identifier} is not defined in the package`);
        }
    }
    // Field names passed as strings, e.g. record.get('BC_Order_Count__c').
    for (const value of strings) {
        if (/^[A-Za-z][A-Za-z0-9_]*__c$/.test(value) && !ctx.schema.hasAnyCustomName(value)) {
            report(`string '${value}' names a field that is not defined in the package`);
        }
    }
}

function splitTopLevel(textValue) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of textValue) {
        if ('([{'.includes(ch)) {
            depth++;
        } else if (')]}'.includes(ch)) {
            depth--;
        }
        if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
        } else {
            current += ch;
        }
    }
    if (current.trim()) {
        parts.push(current);
    }
    return parts;
}

module.exports = { checkApex, stripApex };
