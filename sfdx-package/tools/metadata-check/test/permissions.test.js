'use strict';

// Permission-set rules the Metadata API schema cannot express; each test breaks the valid fixture one way.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { checkProject } = require('../checker');
const { loadKnownGaps, partitionKnown } = require('../known-gaps');

const VALID = path.join(__dirname, 'fixtures', 'valid');
const PERMSET = path.join('force-app', 'main', 'default', 'permissionsets', 'Widget_Reader.permissionset-meta.xml');

function withFixture(use) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcsync-permissions-'));
    try {
        fs.cpSync(VALID, dir, { recursive: true });
        return use(dir);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function errorsAfterPermset(from, to) {
    return withFixture((dir) => {
        const file = path.join(dir, PERMSET);
        const before = fs.readFileSync(file, 'utf8');
        assert.ok(before.includes(from), `fixture permission set should contain ${from}`);
        fs.writeFileSync(file, before.replace(from, to));
        return checkProject(dir).errors;
    });
}

function assertOnly(errors, pattern) {
    assert.equal(errors.length, 1, `expected exactly one error, got:\n${errors.join('\n') || '(none)'}`);
    assert.match(errors[0], pattern);
}

describe('permission set rules', () => {
    it('refuses field permissions on an address component and names the compound field', () => {
        const errors = errorsAfterPermset('<field>Contact.Email</field>', '<field>Contact.MailingStreet</field>');
        assertOnly(errors, /compound field Contact\.MailingAddress, not its component Contact\.MailingStreet/);
    });

    it('accepts field permissions on the compound address field', () => {
        assert.deepEqual(
            errorsAfterPermset('<field>Contact.Email</field>', '<field>Contact.MailingAddress</field>'),
            []
        );
    });

    it('refuses field permissions on a required standard field', () => {
        const errors = errorsAfterPermset('<field>Contact.Email</field>', '<field>Contact.LastName</field>');
        assertOnly(errors, /must not list required or master-detail field Contact\.LastName/);
    });

    it('refuses field permissions on a part of the always-accessible Name', () => {
        const errors = errorsAfterPermset('<field>Contact.Email</field>', '<field>Contact.FirstName</field>');
        assertOnly(errors, /must not list Contact\.FirstName: it is part of Name/);
    });

    it('refuses field permissions on a master-detail field', () => {
        const errors = withFixture((dir) => {
            const field = path.join(dir, 'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml');
            fs.writeFileSync(
                field,
                fs.readFileSync(field, 'utf8').replace(/<type>[^<]*<\/type>/, '<type>MasterDetail</type>')
            );
            return checkProject(dir).errors;
        });
        assert.ok(errors.some((e) => /must not list required or master-detail field Widget__c\.Size__c/.test(e)));
    });

    it('refuses an editable field that is not readable', () => {
        const errors = errorsAfterPermset(
            '<editable>false</editable>\n        <field>Contact.Email</field>\n        <readable>true</readable>',
            '<editable>true</editable>\n        <field>Contact.Email</field>\n        <readable>false</readable>'
        );
        assertOnly(errors, /fieldPermissions Contact\.Email: editable requires readable/);
    });

    it('refuses object permissions without the permissions they imply', () => {
        const errors = errorsAfterPermset(
            '<allowEdit>false</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false',
            '<allowEdit>true</allowEdit>\n        <allowRead>false</allowRead>\n        <modifyAllRecords>true'
        );
        const expected = [
            /objectPermissions Widget__c: allowEdit requires allowRead$/,
            /objectPermissions Widget__c: modifyAllRecords requires allowRead, allowDelete, viewAllRecords$/
        ];
        assert.equal(errors.length, expected.length, errors.join('\n'));
        expected.forEach((pattern, i) => assert.match(errors[i], pattern));
    });
});

describe('known gaps', () => {
    it('lets listed problems pass and reports entries that match nothing', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcsync-gaps-'));
        try {
            const file = path.join(dir, 'known-gaps.txt');
            fs.writeFileSync(file, '# remove when fixed\nmetadata: a.xml: field *.Street\nmetadata: gone\nschema: b\n');
            const gaps = loadKnownGaps(file, 'metadata');
            const result = partitionKnown(['a.xml: field Contact.Street', 'a.xml: other'], gaps);
            assert.deepEqual(result, {
                failing: ['a.xml: other'],
                known: ['a.xml: field Contact.Street'],
                stale: ['metadata: gone']
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
