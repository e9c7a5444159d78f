'use strict';

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { checkProject } = require('../checker');
const { loadKnownGaps, partitionKnown } = require('../known-gaps');

const VALID = path.join(__dirname, 'fixtures', 'valid');
const PACKAGE = path.join(__dirname, '..', '..', '..');
const DEFAULT = path.join('force-app', 'main', 'default');

// Copies the valid fixture to a temp dir, applies one breakage, and returns the checker's errors.
function errorsAfter(breakIt) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcsync-metadata-check-'));
    try {
        fs.cpSync(VALID, dir, { recursive: true });
        breakIt({
            file: (relative) => path.join(dir, DEFAULT, relative),
            edit: (relative, from, to) => {
                const file = path.join(dir, DEFAULT, relative);
                const before = fs.readFileSync(file, 'utf8');
                assert.ok(before.includes(from), `fixture ${relative} should contain ${from}`);
                fs.writeFileSync(file, before.replace(from, to));
            }
        });
        return checkProject(dir).errors;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function assertReported(errors, pattern) {
    assert.ok(
        errors.some((error) => pattern.test(error)),
        `expected an error matching ${pattern}, got:\n${errors.join('\n') || '(none)'}`
    );
}

describe('metadata consistency check', () => {
    it('accepts the valid fixture', () => {
        assert.deepEqual(checkProject(VALID).errors, []);
    });

    it('accepts the bcsync package itself, apart from the listed known gaps', () => {
        const { errors, counts } = checkProject(PACKAGE);
        const gaps = loadKnownGaps(path.join(PACKAGE, 'tools', 'known-gaps.txt'), 'metadata');
        const { failing, stale } = partitionKnown(errors, gaps);
        assert.deepEqual(failing, []);
        assert.deepEqual(stale, [], 'known-gaps entries that match nothing must be removed');
        assert.ok(counts.fields > 50, 'the package fields were actually read');
        assert.ok(counts.apexClasses >= 2, 'the Apex classes were actually read');
    });

    it('fails on XML that does not parse', () => {
        const errors = errorsAfter(({ edit }) =>
            edit('objects/Widget__c/fields/Size__c.field-meta.xml', '</label>', '</labl>')
        );
        assertReported(errors, /Size__c\.field-meta\.xml: XML does not parse/);
    });

    it('fails on a metadata file outside the metadata namespace', () => {
        const errors = errorsAfter(({ edit }) =>
            edit('classes/WidgetController.cls-meta.xml', 'http://soap.sforce.com/2006/04/metadata', 'urn:example')
        );
        assertReported(errors, /WidgetController\.cls-meta\.xml: root <ApexClass> must be in namespace/);
    });

    it('fails on an Apex class without its -meta.xml', () => {
        const errors = errorsAfter(({ file }) => fs.rmSync(file('classes/WidgetController.cls-meta.xml')));
        assertReported(errors, /Apex class WidgetController has no WidgetController\.cls-meta\.xml/);
    });

    it('fails when a permission set names a missing field, object or class', () => {
        const errors = errorsAfter(({ edit }) => {
            const permset = 'permissionsets/Widget_Reader.permissionset-meta.xml';
            edit(permset, 'Widget__c.Size__c', 'Widget__c.Weight__c');
            edit(permset, '<object>Widget__c</object>', '<object>Gadget__c</object>');
            edit(permset, '<apexClass>WidgetController</apexClass>', '<apexClass>GadgetController</apexClass>');
        });
        assertReported(errors, /fieldPermissions for unknown field Widget__c\.Weight__c/);
        assertReported(errors, /objectPermissions for unknown object Gadget__c/);
        assertReported(errors, /classAccesses for unknown Apex class GadgetController/);
    });

    it('fails when a permission set lists a required field', () => {
        const errors = errorsAfter(({ edit }) =>
            edit('objects/Widget__c/fields/Size__c.field-meta.xml', '<type>', '<required>true</required>\n    <type>')
        );
        assertReported(errors, /must not list required or master-detail field Widget__c\.Size__c/);
    });

    it('fails when a permission set names an unknown standard field', () => {
        const errors = errorsAfter(({ edit }) =>
            edit('permissionsets/Widget_Reader.permissionset-meta.xml', 'Contact.Email', 'Contact.Emial')
        );
        assertReported(errors, /unknown field Contact\.Emial/);
    });

    it('fails when SOQL in Apex selects, filters or traverses something missing', () => {
        const errors = errorsAfter(({ edit }) => {
            edit('classes/WidgetController.cls', 'SELECT Id, Name, Size__c,', 'SELECT Id, Name, Colour__c,');
            edit('classes/WidgetController.cls', 'Owner_Contact__r.Widget_Key__c', 'Owner_Contact__r.Gadget_Key__c');
            edit('classes/WidgetController.cls', 'ORDER BY Size__c', 'ORDER BY Sise__c');
            edit('classes/WidgetController.cls', 'FROM Widgets__r', 'FROM Gadgets__r');
        });
        assertReported(errors, /SOQL on Widget__c: Widget__c\.Colour__c does not exist/);
        assertReported(errors, /SOQL on Widget__c: Contact\.Gadget_Key__c does not exist/);
        assertReported(errors, /SOQL on Widget__c: Widget__c\.Sise__c does not exist/);
        assertReported(errors, /Contact has no child relationship Gadgets__r/);
    });

    it('fails when Apex builds a record with a field the object does not have', () => {
        const errors = errorsAfter(({ edit }) =>
            edit(
                'classes/WidgetController.cls',
                '    public static List<Contact>',
                "    static Widget__c make() {\n        return new Widget__c(Name = 'x', Colour__c = 1);\n    }\n\n    public static List<Contact>"
            )
        );
        assertReported(errors, /Widget__c\.Colour__c does not exist/);
    });

    it('fails when the LWC imports a missing Apex method or schema field', () => {
        const errors = errorsAfter(({ edit }) => {
            edit('lwc/widgetList/widgetList.js', 'WidgetController.getWidgets', 'WidgetController.getGadgets');
            edit('lwc/widgetList/widgetList.js', 'Widget__c.Size__c', 'Widget__c.Weight__c');
        });
        assertReported(errors, /WidgetController\.getGadgets is not an @AuraEnabled static method/);
        assertReported(errors, /schema import Widget__c\.Weight__c/);
    });

    it('fails when a CDC member enriches a field that does not exist', () => {
        const errors = errorsAfter(({ edit }) =>
            edit(
                'platformEventChannelMembers/ChangeEvents_ContactChangeEvent.platformEventChannelMember-meta.xml',
                '<name>Widget_Key__c</name>',
                '<name>Gadget_Key__c</name>'
            )
        );
        assertReported(errors, /enriched field Contact\.Gadget_Key__c does not exist/);
    });

    it('fails on field metadata the simulator could not trust', () => {
        const errors = errorsAfter(({ edit }) => {
            const key = 'objects/Contact/fields/Widget_Key__c.field-meta.xml';
            edit(key, '<caseSensitive>false</caseSensitive>', '<caseSensitive>true</caseSensitive>');
            edit(key, '<description>Fixture external id.</description>', '');
            edit(
                'objects/Widget__c/fields/Owner_Contact__c.field-meta.xml',
                '<referenceTo>Contact</referenceTo>',
                '<referenceTo>Person__c</referenceTo>'
            );
        });
        assertReported(errors, /Text external ids must be unique with caseSensitive=false/);
        assertReported(errors, /every field needs a <description>/);
        assertReported(errors, /referenceTo Person__c is neither in the package nor a known standard object/);
    });
});
