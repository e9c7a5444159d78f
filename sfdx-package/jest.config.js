'use strict';

const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-sa11y-setup.js'],
    // Only component specs belong to Jest; the metadata checker has its own node:test suite.
    testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tools/', '<rootDir>/.localdevserver/'],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    collectCoverageFrom: ['force-app/main/default/lwc/**/*.js', '!**/__tests__/**']
};
