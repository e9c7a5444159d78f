import { reduceErrors } from 'c/ldsUtils';

describe('c-lds-utils reduceErrors', () => {
    it('returns an empty list for nothing', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors(null)).toEqual([]);
        expect(reduceErrors([])).toEqual([]);
    });

    it('reads the message of an Apex AuraHandledException', () => {
        const apexError = { status: 500, body: { message: 'No access to orders' } };
        expect(reduceErrors(apexError)).toEqual(['No access to orders']);
    });

    it('reads UI API page and field errors', () => {
        const uiApiError = {
            body: {
                message: 'An error occurred',
                pageErrors: [{ message: 'Record is locked' }],
                fieldErrors: { Name: [{ message: 'Name is required' }] }
            }
        };
        expect(reduceErrors(uiApiError)).toEqual(['Record is locked', 'Name is required']);
    });

    it('reads array bodies, JS errors, network errors and strings, de-duplicated', () => {
        const errors = [
            { body: [{ message: 'First' }, { message: 'Second' }] },
            new Error('Script failed'),
            { statusText: 'Service Unavailable' },
            'Plain text',
            'Plain text'
        ];
        expect(reduceErrors(errors)).toEqual(['First', 'Second', 'Script failed', 'Service Unavailable', 'Plain text']);
    });

    it('drops shapes it cannot read instead of showing [object Object]', () => {
        expect(reduceErrors([{ body: {} }, { unexpected: true }, { body: [{}] }])).toEqual([]);
    });
});
