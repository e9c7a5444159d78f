'use strict';

/*
 * Offline consistency check of the SFDX source tree. Salesforce would find most of these problems only at deploy
 * time (which CI here cannot do), and the Salesforce simulator loads these files as its schema, so a typo in a field
 * name would otherwise surface as a confusing runtime mismatch far away from its cause.
 */

const fs = require('node:fs');
const path = require('node:path');
const { DOMParser } = require('@xmldom/xmldom');

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';
const STANDARD = require('./standard-schema.json');

const MAX_LABEL = 40;
const MAX_API_NAME = 40;
const MAX_DESCRIPTION = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Files and XML

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

// ---------------------------------------------------------------------------------------------------------------
// Schema model: package objects and fields plus the known standard ones

class Schema {
    constructor() {
        this.objects = new Map(); // lower-case name -> { name, custom, event, fields: Map(lower -> field), children: Map }
        for (const [name, def] of Object.entries(STANDARD.objects)) {
            const object = this.ensure(name, false);
            for (const field of [...STANDARD.systemFields, ...def.fields]) {
                object.fields.set(field.toLowerCase(), { name: field, standard: true });
            }
            for (const [relationship, target] of Object.entries(def.lookups)) {
                object.lookups.set(relationship.toLowerCase(), target);
            }
            for (const [relationship, child] of Object.entries(def.children)) {
                object.children.set(relationship.toLowerCase(), child);
            }
        }
    }

    ensure(name, custom) {
        const key = name.toLowerCase();
        if (!this.objects.has(key)) {
            this.objects.set(key, {
                name,
                custom,
                event: false,
                fields: new Map(),
                lookups: new Map(),
                children: new Map()
            });
        }
        return this.objects.get(key);
    }

    object(name) {
        return name ? this.objects.get(name.toLowerCase()) : undefined;
    }

    field(objectName, fieldName) {
        const object = this.object(objectName);
        return object ? object.fields.get(fieldName.toLowerCase()) : undefined;
    }

    /** Resolves "A__r.B__c" / "Account.Name" / "Field__c" against an object; returns an error string or null. */
    resolvePath(objectName, fieldPath) {
        const parts = fieldPath.split('.');
        let current = this.object(objectName);
        if (!current) {
            return `unknown object ${objectName}`;
        }
        for (let i = 0; i < parts.length - 1; i++) {
            const target = current.lookups.get(parts[i].toLowerCase());
            if (!target) {
                return `${current.name} has no relationship ${parts[i]}`;
            }
            current = this.object(target);
            if (!current) {
                return `relationship ${parts[i]} points at unknown object ${target}`;
            }
        }
        const last = parts[parts.length - 1];
        return current.fields.has(last.toLowerCase()) ? null : `${current.name}.${last} does not exist`;
    }

    hasAnyCustomName(identifier) {
        const lower = identifier.toLowerCase();
        if (this.objects.has(lower)) {
            return true;
        }
        for (const object of this.objects.values()) {
            if (object.fields.has(lower)) {
                return true;
            }
            if (lower.endsWith('__r') && (object.lookups.has(lower) || object.children.has(lower))) {
                return true;
            }
        }
        return false;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Individual checks

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

function childObjectOf(ctx, parentName, relationship) {
    const parent = ctx.schema.object(parentName);
    const child = parent && parent.children.get(relationship.toLowerCase());
    return child ? child.split('.')[0] : undefined;
}

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

function balanced(code, openIndex, open, close) {
    let depth = 0;
    for (let i = openIndex; i < code.length; i++) {
        if (code[i] === open) {
            depth++;
        } else if (code[i] === close) {
            depth--;
            if (depth === 0) {
                return code.slice(openIndex + 1, i);
            }
        }
    }
    return code.slice(openIndex + 1);
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

function extractSoql(code) {
    const out = [];
    const start = /\[\s*SELECT\b/gi;
    let match;
    while ((match = start.exec(code))) {
        out.push(balanced(code, match.index, '[', ']'));
    }
    return out;
}

const SOQL_CLAUSES = new Set(['where', 'order', 'limit', 'offset', 'group', 'having', 'with', 'for', 'using']);
const SOQL_WORDS = new Set([
    'and',
    'or',
    'not',
    'in',
    'like',
    'includes',
    'excludes',
    'null',
    'true',
    'false',
    'asc',
    'desc',
    'nulls',
    'first',
    'last',
    'by',
    'today',
    'yesterday',
    'tomorrow',
    'user_mode',
    'system_mode',
    'security_enforced'
]);

function tokenizeSoql(soql) {
    return soql.match(/:\s*[A-Za-z_][A-Za-z0-9_.]*|[A-Za-z_][A-Za-z0-9_.]*|\d[\d.:-]*|''|!=|<=|>=|[(),=<>]/g) || [];
}

function checkSoql(ctx, soql, report) {
    parseQuery(ctx, tokenizeSoql(soql), 0, null, report);
}

// Parses SELECT ... FROM obj [rest] starting at tokens[i]; returns the index after the query.
function parseQuery(ctx, tokens, i, parentObject, report) {
    let index = i + 1; // skip SELECT
    const selected = [];
    const subqueries = [];
    while (index < tokens.length && tokens[index].toLowerCase() !== 'from') {
        const token = tokens[index];
        if (token === '(' && tokens[index + 1] && tokens[index + 1].toLowerCase() === 'select') {
            const end = matchingParen(tokens, index);
            subqueries.push(tokens.slice(index + 1, end));
            index = end + 1;
        } else if (/^[A-Za-z_]/.test(token) && tokens[index + 1] === '(') {
            // aggregate such as COUNT(Id): check its argument, not the function name
            const end = matchingParen(tokens, index + 1);
            selected.push(...tokens.slice(index + 2, end).filter((t) => /^[A-Za-z_]/.test(t)));
            index = end + 1;
        } else {
            if (/^[A-Za-z_]/.test(token)) {
                selected.push(token);
            }
            index++;
        }
    }
    const fromName = tokens[index + 1];
    let objectName = fromName;
    if (parentObject) {
        objectName = childObjectOf(ctx, parentObject, fromName);
        if (!objectName) {
            report(`${parentObject} has no child relationship ${fromName}`);
            return tokens.length;
        }
    } else if (!ctx.schema.object(fromName)) {
        report(`SOQL FROM ${fromName}: object is neither in the package nor a known standard object`);
        return tokens.length;
    }
    const fieldTokens = [...selected];
    let position = index + 2;
    let previous = '';
    while (position < tokens.length) {
        const token = tokens[position];
        const lower = token.toLowerCase();
        if (token === '(' && tokens[position + 1] && tokens[position + 1].toLowerCase() === 'select') {
            // semi-join such as Id IN (SELECT ContactId FROM Case): its own object, its own fields
            const end = matchingParen(tokens, position);
            parseQuery(ctx, tokens.slice(position + 1, end), 0, null, report);
            position = end + 1;
            previous = ')';
            continue;
        } else if (/^[A-Za-z_]/.test(token) && !SOQL_CLAUSES.has(lower) && !SOQL_WORDS.has(lower)) {
            if (!(previous === 'limit' || previous === 'offset' || /^last_n_|^next_n_/.test(lower))) {
                fieldTokens.push(token);
            }
        }
        previous = lower;
        position++;
    }
    for (const fieldPath of fieldTokens) {
        const problem = ctx.schema.resolvePath(objectName, fieldPath);
        if (problem) {
            report(`SOQL on ${objectName}: ${problem}`);
        }
    }
    for (const subquery of subqueries) {
        parseQuery(ctx, subquery, 0, objectName, report);
    }
    return tokens.length;
}

function matchingParen(tokens, openIndex) {
    let depth = 0;
    for (let i = openIndex; i < tokens.length; i++) {
        if (tokens[i] === '(') {
            depth++;
        } else if (tokens[i] === ')') {
            depth--;
            if (depth === 0) {
                return i;
            }
        }
    }
    return tokens.length;
}

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

// ---------------------------------------------------------------------------------------------------------------

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
