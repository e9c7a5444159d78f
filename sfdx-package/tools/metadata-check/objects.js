'use strict';

// Custom objects and fields: file shape, field shape, lookup targets and relationship names.

const fs = require('node:fs');
const path = require('node:path');
const { METADATA_NS, text } = require('./xml');
const { STANDARD } = require('./schema-model');

const MAX_LABEL = 40;
const MAX_API_NAME = 40;
const MAX_DESCRIPTION = 1000;

function checkObjects(ctx, defaultDir) {
    const objectsDir = path.join(defaultDir, 'objects');
    if (!fs.existsSync(objectsDir)) {
        return;
    }
    const fieldFiles = [];
    for (const objectName of fs.readdirSync(objectsDir)) {
        const dir = path.join(objectsDir, objectName);
        if (!fs.statSync(dir).isDirectory()) {
            continue;
        }
        const objectFile = path.join(dir, `${objectName}.object-meta.xml`);
        const isCustom = /__(c|e)$/.test(objectName);
        if (isCustom && !fs.existsSync(objectFile)) {
            ctx.report(dir, `custom object ${objectName} has no ${objectName}.object-meta.xml`);
        }
        if (!isCustom && !ctx.schema.object(objectName)) {
            ctx.report(dir, `${objectName} is not a custom object and not a known standard object`);
        }
        const object = ctx.schema.ensure(objectName, isCustom);
        if (isCustom) {
            for (const field of objectName.endsWith('__e') ? STANDARD.platformEventFields : STANDARD.systemFields) {
                object.fields.set(field.toLowerCase(), { name: field, standard: true });
            }
        }
        if (fs.existsSync(objectFile)) {
            const root = ctx.xml(objectFile);
            if (root) {
                checkObjectFile(ctx, objectFile, objectName, root, object);
            }
        }
        const fieldsDir = path.join(dir, 'fields');
        if (fs.existsSync(fieldsDir)) {
            for (const file of fs.readdirSync(fieldsDir)) {
                fieldFiles.push({ objectName, file: path.join(fieldsDir, file) });
            }
        }
    }
    // Fields after all objects are known, so lookups can be verified in any order.
    for (const { objectName, file } of fieldFiles) {
        readField(ctx, objectName, file);
    }
    for (const { objectName, file } of fieldFiles) {
        checkFieldReferences(ctx, objectName, file);
    }
}

function checkObjectFile(ctx, file, objectName, root, object) {
    if (root.localName !== 'CustomObject') {
        ctx.report(file, `root element must be CustomObject, found ${root.localName}`);
    }
    for (const required of ['label', 'pluralLabel', 'description', 'deploymentStatus']) {
        if (!text(root, required)) {
            ctx.report(file, `object ${objectName} needs <${required}>`);
        }
    }
    if (objectName.endsWith('__e')) {
        object.event = true;
        if (!text(root, 'eventType') || !text(root, 'publishBehavior')) {
            ctx.report(file, `platform event ${objectName} needs <eventType> and <publishBehavior>`);
        }
    } else if (!text(root, 'sharingModel')) {
        ctx.report(file, `object ${objectName} needs <sharingModel>`);
    }
}

function readField(ctx, objectName, file) {
    if (!file.endsWith('.field-meta.xml')) {
        ctx.report(file, 'only *.field-meta.xml files belong in a fields folder');
        return;
    }
    const root = ctx.xml(file);
    if (!root) {
        return;
    }
    const fileName = path.basename(file, '.field-meta.xml');
    const field = {
        name: text(root, 'fullName'),
        type: text(root, 'type'),
        label: text(root, 'label'),
        description: text(root, 'description'),
        required: text(root, 'required') === 'true',
        externalId: text(root, 'externalId') === 'true',
        unique: text(root, 'unique') === 'true',
        caseSensitive: text(root, 'caseSensitive'),
        referenceTo: text(root, 'referenceTo'),
        relationshipName: text(root, 'relationshipName'),
        length: text(root, 'length'),
        precision: text(root, 'precision'),
        scale: text(root, 'scale'),
        picklistValues: root.getElementsByTagNameNS(METADATA_NS, 'value').length,
        file
    };
    if (root.localName !== 'CustomField') {
        ctx.report(file, `root element must be CustomField, found ${root.localName}`);
    }
    if (field.name !== fileName) {
        ctx.report(file, `fullName "${field.name}" does not match the file name "${fileName}"`);
    }
    if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(fileName) || fileName.length > MAX_API_NAME) {
        ctx.report(file, `field API name ${fileName} must end in __c and be at most ${MAX_API_NAME} characters`);
    }
    if (!field.type) {
        ctx.report(file, 'field has no <type>');
    }
    if (!field.label || field.label.length > MAX_LABEL) {
        ctx.report(file, `field label must be 1-${MAX_LABEL} characters`);
    }
    if (!field.description) {
        ctx.report(file, 'every field needs a <description> (admins and the simulator read it)');
    } else if (field.description.length > MAX_DESCRIPTION) {
        ctx.report(file, `description is longer than ${MAX_DESCRIPTION} characters`);
    }
    checkFieldShape(ctx, field);
    ctx.schema.ensure(objectName, true).fields.set(fileName.toLowerCase(), field);
    if (field.referenceTo) {
        // Child-to-parent traversal of a custom lookup is spelled Field__r in SOQL and Apex.
        ctx.schema.object(objectName).lookups.set(fileName.toLowerCase().replace(/__c$/, '__r'), field.referenceTo);
    }
}

function checkFieldShape(ctx, field) {
    const { type, file } = field;
    if (['Text', 'LongTextArea'].includes(type) && !field.length) {
        ctx.report(file, `${type} field needs <length>`);
    }
    if (['Number', 'Currency', 'Percent'].includes(type) && (!field.precision || field.scale === undefined)) {
        ctx.report(file, `${type} field needs <precision> and <scale>`);
    }
    if (['Lookup', 'MasterDetail'].includes(type) && (!field.referenceTo || !field.relationshipName)) {
        ctx.report(file, `${type} field needs <referenceTo> and <relationshipName>`);
    }
    if (type === 'Picklist' && field.picklistValues === 0) {
        ctx.report(file, 'picklist field has no values');
    }
    // bcsync keys are matched case-insensitively by upsert only when the field is unique and caseSensitive=false.
    if (field.externalId && type === 'Text' && (!field.unique || field.caseSensitive !== 'false')) {
        ctx.report(file, 'Text external ids must be unique with caseSensitive=false (store-qualified upsert keys)');
    }
}

function checkFieldReferences(ctx, objectName, file) {
    const field = ctx.schema.field(objectName, path.basename(file, '.field-meta.xml'));
    if (!field || !field.referenceTo) {
        return;
    }
    if (!ctx.schema.object(field.referenceTo)) {
        ctx.report(file, `referenceTo ${field.referenceTo} is neither in the package nor a known standard object`);
        return;
    }
    const parent = ctx.schema.object(field.referenceTo);
    const relationship = field.relationshipName.toLowerCase() + '__r';
    const owner = parent.children.get(relationship);
    if (owner && owner !== `${objectName}.${field.name}`) {
        ctx.report(
            file,
            `relationshipName ${field.relationshipName} is already used on ${field.referenceTo} by ${owner}`
        );
    }
    parent.children.set(relationship, `${objectName}.${field.name}`);
}

module.exports = { checkObjects };
