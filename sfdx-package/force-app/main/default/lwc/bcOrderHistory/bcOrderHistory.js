import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getOrderHistory from '@salesforce/apex/BcOrderHistoryController.getOrderHistory';
import { reduceErrors } from 'c/ldsUtils';
import LABELS from './labels';

const MINUTE_MS = 60 * 1000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** Fills "{0}", "{1}"… in a Custom Label (labels are translated, so word order stays in the label). */
export function formatLabel(template, ...values) {
    return String(template).replace(/\{(\d+)\}/g, (match, index) => {
        return index < values.length ? String(values[index]) : match;
    });
}

/**
 * Order number for display without leading "#": the sync used to write BC_Order__c.Name as "#123" and the panel
 * adds its own "#", so both "#123" and "123" show as "#123".
 */
export function bareOrderNumber(value) {
    return value === undefined || value === null
        ? ''
        : String(value)
              .trim()
              .replace(/^[#\s]+/, '');
}

function countLabel(count, one, many) {
    return count === 1 ? one : formatLabel(many, count);
}

/**
 * "Synced 5 minutes ago" style freshness label. Relative wording is what service agents asked for: they care
 * whether the data is stale, not when exactly it was written.
 */
export function syncedLabel(lastSyncedAt, now = Date.now()) {
    const syncedAt = lastSyncedAt ? Date.parse(lastSyncedAt) : NaN;
    if (Number.isNaN(syncedAt)) {
        return LABELS.BC_OH_Not_Synced;
    }
    const minutes = Math.max(0, Math.floor((now - syncedAt) / MINUTE_MS));
    if (minutes < 1) {
        return LABELS.BC_OH_Synced_Now;
    }
    if (minutes < HOUR_MINUTES) {
        return countLabel(minutes, LABELS.BC_OH_Synced_Minute, LABELS.BC_OH_Synced_Minutes);
    }
    if (minutes < 2 * DAY_MINUTES) {
        return countLabel(Math.floor(minutes / HOUR_MINUTES), LABELS.BC_OH_Synced_Hour, LABELS.BC_OH_Synced_Hours);
    }
    return countLabel(Math.floor(minutes / DAY_MINUTES), LABELS.BC_OH_Synced_Day, LABELS.BC_OH_Synced_Days);
}

export default class BcOrderHistory extends LightningElement {
    /** Injected by the record page (Account or Contact). */
    @api recordId;
    /** Orders per page; set in App Builder. The server clamps it to 1..50. */
    @api pageSize = 10;
    /** Auto, Standard, Opportunity or Custom: where the orders are stored; set in App Builder. */
    @api orderSource = 'Auto';

    label = LABELS;

    pageNumber = 1;
    history;
    error;
    isLoading = true;
    expandedOrderIds = [];
    wiredHistoryResult;

    @wire(getOrderHistory, {
        recordId: '$recordId',
        pageSize: '$pageSize',
        pageNumber: '$pageNumber',
        orderSource: '$orderSource'
    })
    wiredHistory(result) {
        this.wiredHistoryResult = result;
        if (result.data) {
            this.history = result.data;
            this.error = undefined;
            this.isLoading = false;
        } else if (result.error) {
            this.error = result.error;
            this.history = undefined;
            this.isLoading = false;
        }
    }

    get hasError() {
        return !this.isLoading && Boolean(this.error);
    }

    get errorMessages() {
        const messages = reduceErrors(this.error);
        return messages.length ? messages : [LABELS.BC_OH_Unknown_Error];
    }

    get hasHistory() {
        return !this.isLoading && !this.error && Boolean(this.history);
    }

    get summary() {
        return (this.history && this.history.summary) || {};
    }

    get lifetimeRevenue() {
        return this.summary.lifetimeRevenue || 0;
    }

    /** Currency of the Account/Contact record (its CurrencyIsoCode, or the org currency), sent by the server. */
    get summaryCurrency() {
        return this.summary.currencyCode;
    }

    get lastOrderDate() {
        return this.summary.lastOrderDate;
    }

    get orderCount() {
        return this.summary.orderCount || 0;
    }

    get lastSynced() {
        return syncedLabel(this.summary.lastSyncedAt);
    }

    get isEmpty() {
        return this.hasHistory && this.history.orders.length === 0;
    }

    get orders() {
        if (!this.history) {
            return [];
        }
        return this.history.orders.map((order) => {
            const isExpanded = this.expandedOrderIds.includes(order.id);
            const lines = order.lines || [];
            const orderNumber = bareOrderNumber(order.orderNumber);
            return {
                ...order,
                orderNumber,
                lines,
                isExpanded,
                isCollapsed: !isExpanded,
                // ARIA needs the literal strings; LWC would drop a boolean false attribute entirely.
                ariaExpanded: String(isExpanded),
                hasLines: lines.length > 0,
                detailKey: `${order.id}-lines`,
                linesId: `lines-${order.id}`,
                expandIcon: isExpanded ? 'utility:chevrondown' : 'utility:chevronright',
                toggleLabel: formatLabel(isExpanded ? LABELS.BC_OH_Hide_Lines : LABELS.BC_OH_Show_Lines, orderNumber),
                linkLabel: formatLabel(LABELS.BC_OH_Open_Order, orderNumber),
                linesCaption: formatLabel(LABELS.BC_OH_Lines_Caption, orderNumber)
            };
        });
    }

    get totalPages() {
        if (!this.history || !this.history.totalCount) {
            return 1;
        }
        return Math.ceil(this.history.totalCount / this.history.pageSize);
    }

    get showPaging() {
        return this.hasHistory && this.totalPages > 1;
    }

    get pageLabel() {
        return formatLabel(LABELS.BC_OH_Page_Of, this.pageNumber, this.totalPages);
    }

    get previousDisabled() {
        return !this.history || !this.history.hasPrevious;
    }

    get nextDisabled() {
        return !this.history || !this.history.hasNext;
    }

    handleToggle(event) {
        const orderId = event.currentTarget.dataset.id;
        this.expandedOrderIds = this.expandedOrderIds.includes(orderId)
            ? this.expandedOrderIds.filter((id) => id !== orderId)
            : [...this.expandedOrderIds, orderId];
    }

    handlePrevious() {
        this.goToPage(this.pageNumber - 1);
    }

    handleNext() {
        this.goToPage(this.pageNumber + 1);
    }

    goToPage(pageNumber) {
        if (pageNumber < 1 || pageNumber === this.pageNumber) {
            return;
        }
        this.expandedOrderIds = [];
        this.isLoading = true;
        this.pageNumber = pageNumber;
    }

    handleRefresh() {
        this.isLoading = true;
        return refreshApex(this.wiredHistoryResult).finally(() => {
            this.isLoading = false;
        });
    }
}
