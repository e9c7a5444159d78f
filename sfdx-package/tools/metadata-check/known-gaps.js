'use strict';

// The known-gaps file (tools/known-gaps.txt): problems that are reported but do not fail until the package is fixed.

const fs = require('node:fs');

/** Entries "<check>: <text>" of one check as regular expressions; "*" in the text stands for anything. */
function loadKnownGaps(file, check) {
    const prefix = `${check}:`;
    return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith(prefix))
        .map((line) => {
            const textValue = line.slice(prefix.length).trim();
            const pattern = textValue
                .split('*')
                .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                .join('.*');
            return { entry: line, regex: new RegExp(pattern, 's') };
        });
}

/** Splits errors into those that fail, the known ones, and the entries that matched nothing (stale). */
function partitionKnown(errors, gaps) {
    const used = new Set();
    const failing = [];
    const known = [];
    for (const error of errors) {
        const gap = gaps.find((candidate) => candidate.regex.test(error));
        if (gap) {
            used.add(gap);
            known.push(error);
        } else {
            failing.push(error);
        }
    }
    const stale = gaps.filter((gap) => !used.has(gap)).map((gap) => gap.entry);
    return { failing, known, stale };
}

module.exports = { loadKnownGaps, partitionKnown };
