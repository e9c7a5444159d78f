import { createElement } from 'lwc';
import BcOrderHistory, { syncedLabel, bareOrderNumber, formatLabel } from 'c/bcOrderHistory';
import getOrderHistory from '@salesforce/apex/BcOrderHistoryController.getOrderHistory';
import { refreshApex } from '@salesforce/apex';

const PAGE_1 = require('./data/orderHistoryPage1.json');
const PAGE_2 = require('./data/orderHistoryPage2.json');
const EMPTY = require('./data/orderHistoryEmpty.json');

const RECORD_ID = '001000000000001AAA';
// 17 minutes after the fixtures' summary lastSyncedAt (2025-03-01T12:00:00Z)
const NOW = Date.parse('2025-03-01T12:17:30.000Z');

jest.mock(
    '@salesforce/apex/BcOrderHistoryController.getOrderHistory',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

// The panel's labels module, with the English values of CustomLabels.labels-meta.xml.
jest.mock('../labels', () => ({
    __esModule: true,
    default: require('../../../../../test/jest-mocks/customLabels').readLabels()
}));

function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount() {
    const element = createElement('c-bc-order-history', { is: BcOrderHistory });
    element.recordId = RECORD_ID;
    element.pageSize = 2;
    document.body.appendChild(element);
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));

describe('c-bc-order-history', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.restoreAllMocks();
        jest.clearAllMocks();
    });

    it('shows a spinner until the order history arrives', async () => {
        const element = mount();
        await flushPromises();

        expect($(element, 'lightning-spinner')).not.toBeNull();
        expect($(element, 'table.orders')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks Apex for the record, page size, first page and storage', async () => {
        mount();
        await flushPromises();

        expect(getOrderHistory.getLastConfig()).toEqual({
            recordId: RECORD_ID,
            pageSize: 2,
            pageNumber: 1,
            orderSource: 'Auto'
        });
    });

    it('renders the summary header and the order list', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        expect($(element, 'lightning-spinner')).toBeNull();
        const revenue = $(element, '.lifetime-revenue lightning-formatted-number');
        expect(revenue.value).toBe(1234.5);
        expect(revenue.currencyCode).toBe('EUR');
        expect($(element, '.order-count').textContent).toBe('3');
        expect($(element, '.last-synced').textContent).toBe('Synced 17 minutes ago');

        const rows = $$(element, 'tr.order-row');
        expect(rows).toHaveLength(2);
        expect(rows[0].querySelector('.order-number').textContent).toBe('#102');
        expect(rows[0].querySelector('.order-status').textContent).toBe('Shipped');
        expect(rows[0].querySelector('lightning-formatted-date-time').value).toBe('2025-03-01');
        const total = rows[0].querySelector('.order-total');
        expect(total.value).toBe(27);
        expect(total.currencyCode).toBe('EUR');
        expect(rows[0].querySelector('.item-count').textContent).toBe('2');
        expect(rows[1].querySelector('.order-total').currencyCode).toBe('USD');
    });

    it('links each order to the BigCommerce control panel in a new tab, when a link is known', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        const links = $$(element, 'a.control-panel-link');
        expect(links).toHaveLength(1);
        expect(links[0].href).toBe('https://store-abc123.mybigcommerce.com/manage/orders/102');
        expect(links[0].target).toBe('_blank');
        expect(links[0].rel).toBe('noopener noreferrer');
        expect($$(element, 'tr.order-row')[1].querySelector('a')).toBeNull();
    });

    it('expands and collapses the line items of an order', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        const toggle = $$(element, 'button.toggle')[0];
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect($(element, 'table.lines')).toBeNull();

        toggle.click();
        await flushPromises();

        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        const lines = $$(element, 'tr.line-row');
        expect(lines).toHaveLength(1);
        expect(lines[0].querySelector('th').textContent).toBe('Blue Mug (Large)');
        expect(lines[0].querySelector('td').textContent).toBe('MUG-BLUE-L');
        await expect(element).toBeAccessible();

        toggle.click();
        await flushPromises();

        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect($(element, 'table.lines')).toBeNull();
    });

    it('says so when an expanded order has no synced lines', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        $$(element, 'button.toggle')[1].click();
        await flushPromises();

        expect($(element, '.no-lines')).not.toBeNull();
    });

    it('pages forward and back through the orders', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        expect($(element, '.page-label').textContent).toBe('Page 1 of 2');
        expect($(element, 'lightning-button.previous').disabled).toBe(true);
        expect($(element, 'lightning-button.next').disabled).toBe(false);

        $(element, 'lightning-button.next').click();
        await flushPromises();

        expect(getOrderHistory.getLastConfig().pageNumber).toBe(2);
        expect($(element, 'lightning-spinner')).not.toBeNull();

        getOrderHistory.emit(PAGE_2);
        await flushPromises();

        expect($(element, '.page-label').textContent).toBe('Page 2 of 2');
        expect($$(element, 'tr.order-row')).toHaveLength(1);
        expect($(element, 'lightning-button.next').disabled).toBe(true);

        $(element, 'lightning-button.previous').click();
        await flushPromises();

        expect(getOrderHistory.getLastConfig().pageNumber).toBe(1);
    });

    it('collapses expanded orders when the page changes', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();
        $$(element, 'button.toggle')[0].click();
        await flushPromises();

        $(element, 'lightning-button.next').click();
        getOrderHistory.emit(PAGE_2);
        await flushPromises();

        expect($$(element, 'button.toggle')[0].getAttribute('aria-expanded')).toBe('false');
    });

    it('shows an empty state without paging when there are no orders', async () => {
        const element = mount();
        getOrderHistory.emit(EMPTY);
        await flushPromises();

        expect($(element, '.empty-state')).not.toBeNull();
        expect($(element, 'table.orders')).toBeNull();
        expect($(element, 'nav.paging')).toBeNull();
        expect($(element, '.order-count').textContent).toBe('0');
        expect($(element, '.last-synced').textContent).toBe('Not synced yet');
        await expect(element).toBeAccessible();
    });

    it('shows the Apex error message through reduceErrors', async () => {
        const element = mount();
        getOrderHistory.error({ message: 'You do not have access to BigCommerce order history.' });
        await flushPromises();

        const panel = $(element, '.error-panel');
        expect(panel).not.toBeNull();
        expect(panel.getAttribute('role')).toBe('alert');
        expect($$(element, '.error-messages li').map((item) => item.textContent)).toEqual([
            'You do not have access to BigCommerce order history.'
        ]);
        expect($(element, 'table.orders')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('refreshes the wired data on demand', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        $(element, 'lightning-button-icon').click();
        await flushPromises();

        expect(refreshApex).toHaveBeenCalledTimes(1);
        expect($(element, 'lightning-spinner')).toBeNull();
    });

    it('is accessible with data', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        await expect(element).toBeAccessible();
    });

    it('shows a legacy "#123" order name with a single "#"', async () => {
        const element = mount();
        const page = JSON.parse(JSON.stringify(PAGE_1));
        page.orders[0].orderNumber = '#102';
        getOrderHistory.emit(page);
        await flushPromises();

        const number = $$(element, 'tr.order-row')[0].querySelector('.order-number');
        expect(number.textContent).toBe('#102');
        expect(number.querySelector('a').getAttribute('aria-label')).toBe(
            'Open order 102 in the BigCommerce control panel (opens in a new tab)'
        );
        expect($$(element, 'button.toggle')[0].getAttribute('aria-label')).toBe('Show items of order 102');
    });

    it('formats lifetime revenue in the currency of the record, not the order or the user', async () => {
        const element = mount();
        const page = JSON.parse(JSON.stringify(PAGE_1));
        page.summary.currencyCode = 'JPY';
        getOrderHistory.emit(page);
        await flushPromises();

        expect($(element, '.lifetime-revenue lightning-formatted-number').currencyCode).toBe('JPY');
        expect($$(element, 'tr.order-row')[0].querySelector('.order-total').currencyCode).toBe('EUR');
    });

    it('shows the last order date in the header', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        expect($(element, '.last-order-date lightning-formatted-date-time').value).toBe('2025-03-01');
    });

    it('takes its texts from Custom Labels and names the columns apart', async () => {
        const element = mount();
        getOrderHistory.emit(PAGE_1);
        await flushPromises();

        expect($(element, 'lightning-card').title).toBe('BigCommerce Orders');
        const headers = $$(element, 'table.orders thead th').map((cell) => cell.textContent.trim());
        expect(headers).toEqual(['Show or hide line items', 'Order', 'Date', 'Status', 'Total', 'Units']);
        expect(new Set(headers).size).toBe(headers.length);
    });
});

describe('labels module', () => {
    it('imports every label it exports from @salesforce/label, and each exists in CustomLabels', () => {
        const actual = jest.requireActual('../labels').default;
        const defined = require('../../../../../test/jest-mocks/customLabels').readLabels();
        const names = Object.keys(actual);
        expect(names.length).toBeGreaterThan(20);
        for (const name of names) {
            expect(actual[name]).toBe(`c.${name}`);
            expect(defined).toHaveProperty(name);
        }
    });
});

describe('bareOrderNumber and formatLabel', () => {
    it.each([
        ['#123', '123'],
        ['123', '123'],
        [' ## 123', '123'],
        [123, '123'],
        [null, '']
    ])('bare number of %p is %p', (value, expected) => {
        expect(bareOrderNumber(value)).toBe(expected);
    });

    it('fills numbered placeholders and leaves unknown ones', () => {
        expect(formatLabel('Page {0} of {1}', 2, 5)).toBe('Page 2 of 5');
        expect(formatLabel('Order {0} {1}', 7)).toBe('Order 7 {1}');
    });
});

describe('syncedLabel', () => {
    const base = Date.parse('2025-03-01T12:00:00.000Z');

    it.each([
        [null, 'Not synced yet'],
        ['not a date', 'Not synced yet'],
        ['2025-03-01T12:00:00.000Z', 'Synced just now'],
        ['2025-03-01T11:59:00.000Z', 'Synced 1 minute ago'],
        ['2025-03-01T11:01:00.000Z', 'Synced 59 minutes ago'],
        ['2025-03-01T11:00:00.000Z', 'Synced 1 hour ago'],
        ['2025-02-28T13:00:00.000Z', 'Synced 23 hours ago'],
        ['2025-02-26T12:00:00.000Z', 'Synced 3 days ago'],
        ['2025-03-01T12:05:00.000Z', 'Synced just now']
    ])('labels %s as "%s"', (syncedAt, label) => {
        expect(syncedLabel(syncedAt, base)).toBe(label);
    });
});
