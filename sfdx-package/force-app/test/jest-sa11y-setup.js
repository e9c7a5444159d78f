'use strict';

// Registers the toBeAccessible() matcher (axe-core rules as used by Salesforce) for every spec.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
