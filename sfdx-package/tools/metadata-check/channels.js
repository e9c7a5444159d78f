'use strict';

// Change Data Capture channel members: file name, channel, entity and enriched fields.

const fs = require('node:fs');
const path = require('node:path');
const { children, text } = require('./xml');

function checkChannelMembers(ctx, defaultDir) {
    const dir = path.join(defaultDir, 'platformEventChannelMembers');
    if (!fs.existsSync(dir)) {
        return;
    }
    const customChannels = new Set(
        fs.existsSync(path.join(defaultDir, 'platformEventChannels'))
            ? fs.readdirSync(path.join(defaultDir, 'platformEventChannels')).map((f) => f.split('.')[0])
            : []
    );
    for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name);
        const root = ctx.xml(file);
        if (!root) {
            continue;
        }
        const channel = text(root, 'eventChannel');
        const entity = text(root, 'selectedEntity') || '';
        if (channel !== 'ChangeEvents' && !customChannels.has(channel)) {
            ctx.report(file, `eventChannel ${channel} is neither ChangeEvents nor a channel in the package`);
        }
        const expected = `${channel}_${entity}.platformEventChannelMember-meta.xml`;
        if (name !== expected) {
            ctx.report(file, `file name must be ${expected}`);
        }
        // AccountChangeEvent -> Account; Thing__ChangeEvent -> Thing__c
        const objectName = entity.endsWith('__ChangeEvent')
            ? entity.replace(/__ChangeEvent$/, '__c')
            : entity.replace(/ChangeEvent$/, '');
        if (!entity.endsWith('ChangeEvent') || !ctx.schema.object(objectName)) {
            ctx.report(file, `selectedEntity ${entity} does not name a change event of a known object`);
            continue;
        }
        for (const enriched of children(root, 'enrichedFields')) {
            const fieldName = text(enriched, 'name');
            if (!ctx.schema.field(objectName, fieldName)) {
                ctx.report(file, `enriched field ${objectName}.${fieldName} does not exist`);
            }
        }
    }
}

module.exports = { checkChannelMembers };
