'use strict';

// English values of the package's Custom Labels, read from CustomLabels.labels-meta.xml, so component tests see
// the real texts (sfdx-lwc-jest would otherwise resolve every label import to its name, "c.BC_OH_…").
const fs = require('node:fs');
const path = require('node:path');

const LABELS_FILE = path.join(__dirname, '../../main/default/labels/CustomLabels.labels-meta.xml');

const XML_ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

function unescapeXml(text) {
    return text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity]);
}

function readLabels() {
    const xml = fs.readFileSync(LABELS_FILE, 'utf8');
    const labels = {};
    for (const match of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const name = /<fullName>([^<]+)<\/fullName>/.exec(match[1])[1];
        const value = /<value>([\s\S]*?)<\/value>/.exec(match[1])[1];
        labels[name] = unescapeXml(value);
    }
    return labels;
}

module.exports = { readLabels };
