'use strict';

// Schema model: package objects and fields plus the known standard ones.

const STANDARD = require('./standard-schema.json');

class Schema {
    constructor() {
        this.objects = new Map(); // lower-case name -> { name, custom, event, fields: Map(lower -> field), children: Map }
        for (const [name, def] of Object.entries(STANDARD.objects)) {
            const object = this.ensure(name, false);
            for (const field of [...STANDARD.systemFields, ...def.fields]) {
                object.fields.set(field.toLowerCase(), { name: field, standard: true });
            }
            // Address components stay queryable, but only their compound field can carry field permissions.
            for (const [compound, components] of Object.entries(def.compound || {})) {
                object.fields.set(compound.toLowerCase(), { name: compound, standard: true, compound: true });
                for (const component of components) {
                    object.fields.set(component.toLowerCase(), {
                        name: component,
                        standard: true,
                        component: compound
                    });
                }
            }
            for (const required of def.required || []) {
                object.fields.get(required.toLowerCase()).required = true;
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

module.exports = { Schema, STANDARD };
