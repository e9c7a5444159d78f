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
            checkObjectImplications(ctx, file, objectName, permission);
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
            } else if (field.component === 'Name') {
                ctx.report(
                    file,
                    `fieldPermissions must not list ${objectName}.${fieldName}: it is part of Name, always accessible`
                );
            } else if (field.component) {
                ctx.report(
                    file,
                    `fieldPermissions must name the compound field ${objectName}.${field.component}, ` +
                        `not its component ${objectName}.${fieldName} (Salesforce rejects components)`
                );
            } else if (ctx.schema.object(objectName).event) {
                ctx.report(file, `platform event fields have no field-level security: ${objectName}.${fieldName}`);
            }
            if (flag(permission, 'editable') && !flag(permission, 'readable')) {
                ctx.report(file, `fieldPermissions ${text(permission, 'field')}: editable requires readable`);
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

// Salesforce refuses a permission without those it implies, e.g. Edit without Read or Modify All without View All.
const OBJECT_IMPLICATIONS = {
    allowCreate: ['allowRead'],
    allowEdit: ['allowRead'],
    allowDelete: ['allowRead', 'allowEdit'],
    viewAllRecords: ['allowRead'],
    modifyAllRecords: ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']
};

function flag(element, name) {
    return text(element, name) === 'true';
}

function checkObjectImplications(ctx, file, objectName, permission) {
    for (const [granted, needed] of Object.entries(OBJECT_IMPLICATIONS)) {
        if (!flag(permission, granted)) {
            continue;
        }
        const missing = needed.filter((name) => !flag(permission, name));
        if (missing.length) {
            ctx.report(file, `objectPermissions ${objectName}: ${granted} requires ${missing.join(', ')}`);
        }
    }
}

module.exports = { checkPermissionSets };
