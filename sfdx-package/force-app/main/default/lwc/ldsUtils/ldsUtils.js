/**
 * Shared error handling for bcsync components: every component shows errors through reduceErrors so the same
 * failure (Apex AuraHandledException, UI API error, network failure, plain JS error) always reads the same way.
 */

function messagesOf(error) {
    if (error === null || error === undefined) {
        return [];
    }
    if (typeof error === 'string') {
        return [error];
    }
    const body = error.body;
    if (Array.isArray(body)) {
        // UI API DML / list errors: [{ message }, ...]
        return body.map((item) => item && item.message);
    }
    if (body && typeof body === 'object') {
        // UI API record errors carry page-level and field-level lists instead of one message.
        const pageErrors = Array.isArray(body.pageErrors) ? body.pageErrors.map((item) => item.message) : [];
        const fieldErrors = body.fieldErrors
            ? Object.values(body.fieldErrors)
                  .flat()
                  .map((item) => item.message)
            : [];
        if (pageErrors.length || fieldErrors.length) {
            return [...pageErrors, ...fieldErrors];
        }
        if (typeof body.message === 'string') {
            // Apex (AuraHandledException) and most LDS errors
            return [body.message];
        }
    }
    if (typeof error.message === 'string') {
        // JavaScript errors thrown by component code
        return [error.message];
    }
    if (typeof error.statusText === 'string') {
        // Network / fetch failures
        return [error.statusText];
    }
    return [];
}

/**
 * Flattens one error or a list of errors of any shape LDS, Apex or the browser produce into readable messages.
 * @param {*} errors a single error or an array of errors
 * @returns {string[]} non-empty, de-duplicated messages; never null
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list
        .flatMap((error) => messagesOf(error))
        .filter((message) => typeof message === 'string' && message.trim().length > 0);
    return [...new Set(messages)];
}
