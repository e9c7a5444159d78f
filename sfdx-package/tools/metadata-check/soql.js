'use strict';

// SOQL in Apex: a small tokenizer and parser that resolves FROM objects and selected/filtered fields.

function childObjectOf(ctx, parentName, relationship) {
    const parent = ctx.schema.object(parentName);
    const child = parent && parent.children.get(relationship.toLowerCase());
    return child ? child.split('.')[0] : undefined;
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

module.exports = { extractSoql, checkSoql, balanced, tokenizeSoql };
