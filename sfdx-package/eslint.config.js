'use strict';

const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');

module.exports = [
    {
        ignores: ['**/node_modules/**', 'coverage/**', 'target/**']
    },
    // Component code: the Salesforce "recommended" LWC rule set (platform restrictions + best practices).
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: ['force-app/main/default/lwc/**/*.js']
    })),
    // Jest specs run in Node/jsdom, not on the platform, so they get Jest globals and rules instead.
    {
        files: ['force-app/main/default/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
        plugins: { jest: jestPlugin },
        languageOptions: {
            globals: { ...globals.node, ...globals.jest }
        },
        rules: {
            ...jestPlugin.configs.recommended.rules,
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    }
];
