'use strict';

// Files and XML helpers shared by every check.

const fs = require('node:fs');
const path = require('node:path');
const { DOMParser } = require('@xmldom/xmldom');

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

function walk(dir) {
    const out = [];
    if (!fs.existsSync(dir)) {
        return out;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== 'node_modules' && entry.name !== '__tests__') {
                out.push(...walk(full));
            }
        } else {
            out.push(full);
        }
    }
    return out;
}

function parseXml(file, report) {
    const problems = [];
    const parser = new DOMParser({
        onError: (level, message) => {
            if (level !== 'warning') {
                problems.push(message);
            }
        }
    });
    let doc;
    try {
        doc = parser.parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');
    } catch (e) {
        problems.push(e.message);
    }
    if (problems.length || !doc || !doc.documentElement) {
        report(file, `XML does not parse: ${problems[0] || 'no root element'}`);
        return null;
    }
    const root = doc.documentElement;
    if (root.namespaceURI !== METADATA_NS) {
        report(file, `root <${root.tagName}> must be in namespace ${METADATA_NS}, found "${root.namespaceURI || ''}"`);
    }
    return root;
}

function children(element, name) {
    const out = [];
    for (let node = element.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 1 && node.localName === name) {
            out.push(node);
        }
    }
    return out;
}

function text(element, name) {
    const child = children(element, name)[0];
    return child ? child.textContent.trim() : undefined;
}

module.exports = { METADATA_NS, walk, parseXml, children, text };
