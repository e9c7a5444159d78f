'use strict';

/*
 * Offline consistency check of the SFDX source tree. Salesforce would find most of these problems only at deploy
 * time (which CI here cannot do), and the Salesforce simulator loads these files as its schema, so a typo in a field
 * name would otherwise surface as a confusing runtime mismatch far away from its cause.
 */

const fs = require('node:fs');
const path = require('node:path');
const { METADATA_NS, walk, parseXml } = require('./xml');
const { Schema } = require('./schema-model');
const { checkObjects } = require('./objects');
const { checkApex } = require('./apex');
const { checkPermissionSets } = require('./permissions');
const { checkChannelMembers } = require('./channels');
const { checkLwc } = require('./lwc');

/**
 * Checks an SFDX project directory.
 * @param {string} projectDir directory holding sfdx-project.json
 * @returns {{errors: string[], counts: object}} errors as "relative/path: message"
 */
function checkProject(projectDir) {
    const errors = [];
    const report = (file, message) => errors.push(`${path.relative(projectDir, file) || '.'}: ${message}`);
    const parsed = new Map(); // each file is parsed (and its XML problems reported) once
    const xml = (file) => {
        if (!parsed.has(file)) {
            parsed.set(file, parseXml(file, report));
        }
        return parsed.get(file);
    };
    const ctx = { schema: new Schema(), report, xml };

    const projectFile = path.join(projectDir, 'sfdx-project.json');
    let project;
    try {
        project = JSON.parse(fs.readFileSync(projectFile, 'utf8'));
    } catch (e) {
        report(projectFile, `cannot read sfdx-project.json: ${e.message}`);
        return { errors, counts: {} };
    }
    const packageDirs = (project.packageDirectories || []).map((d) => path.join(projectDir, d.path));
    const files = packageDirs.flatMap(walk);

    // Every metadata file must parse and be in the metadata namespace, whatever its type.
    const metaFiles = files.filter((f) => f.endsWith('-meta.xml'));
    for (const file of metaFiles) {
        ctx.xml(file);
    }
    // Metadata roots are the folders holding objects/, permissionsets/, lwc/ ... (force-app/main/default here).
    const metadataRoots = new Set(packageDirs.map((d) => path.join(d, 'main', 'default')));
    for (const file of files) {
        const match = /^(.*)[\\/](objects|permissionsets|lwc|platformEventChannelMembers)[\\/]/.exec(file);
        if (match) {
            metadataRoots.add(match[1]);
        }
    }
    for (const defaultDir of metadataRoots) {
        checkObjects(ctx, defaultDir);
    }
    const classes = checkApex(ctx, files);
    for (const defaultDir of metadataRoots) {
        checkPermissionSets(ctx, defaultDir, classes);
        checkChannelMembers(ctx, defaultDir);
        checkLwc(ctx, defaultDir, classes);
    }
    return {
        errors,
        counts: {
            metadataFiles: metaFiles.length,
            customObjects: [...ctx.schema.objects.values()].filter((o) => o.custom).length,
            fields: [...ctx.schema.objects.values()].reduce(
                (n, o) => n + [...o.fields.values()].filter((f) => f.file).length,
                0
            ),
            apexClasses: classes.size
        }
    };
}

module.exports = { checkProject, METADATA_NS };
