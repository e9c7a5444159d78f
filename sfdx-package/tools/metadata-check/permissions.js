'use strict';

// Permission sets: every object, field and class they name exists and may carry that permission.

const fs = require('node:fs');
const path = require('node:path');
const { children, text } = require('./xml');

function checkPermissionSets(ctx, defaultDir, classes) {
    const dir = path.join(defaultDir, 'permissionsets');
    if (!fs.existsSync(dir)) {
        return;
    }
    for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name);
        const root = ctx.xml(file);
        if (!root) {
            continue;
        }
        if (root.localName !== 'PermissionSet' || !text(root, 'label')) {
            ctx.report(file, 'must be a <PermissionSet> with a <label>');
        }
        for (const permission of children(root, 'objectPermissions')) {
            const objectName = text(permission, 'object');
            if (!ctx.schema.object(objectName)) {
                ctx.report(file, `objectPermissions for unknown object ${objectName}`);
            }
        }
        for (const permission of children(root, 'fieldPermissions')) {
            const [objectName, fieldName, extra] = (text(permission, 'field') || '').split('.');
            const field = fieldName && !extra ? ctx.schema.field(objectName, fieldName) : undefined;
            if (!field) {
                ctx.report(file, `fieldPermissions for unknown field ${text(permission, 'field')}`);
            } else if (field.required || field.type === 'MasterDetail') {
                // Salesforce rejects FLS entries for fields that are always accessible.
                ctx.report(
                    file,
                    `fieldPermissions must not list required or master-detail field ${objectName}.${fieldName}`
                );
            } else if (ctx.schema.object(objectName).event) {
                ctx.report(file, `platform event fields have no field-level security: ${objectName}.${fieldName}`);
            }
        }
        for (const access of children(root, 'classAccesses')) {
            const className = text(access, 'apexClass');
            if (!classes.has((className || '').toLowerCase())) {
                ctx.report(file, `classAccesses for unknown Apex class ${className}`);
            }
        }
    }
}

module.exports = { checkPermissionSets };
