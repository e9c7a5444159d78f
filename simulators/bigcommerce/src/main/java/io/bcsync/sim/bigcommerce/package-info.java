/**
 * A simulated BigCommerce store: REST API (V2/V3), rate limits, webhooks, app install and a control
 * API. Entry points: {@link io.bcsync.sim.bigcommerce.BigCommerceSimulator} (embedded) and {@link
 * io.bcsync.sim.bigcommerce.BigCommerceSimulatorMain} (standalone).
 */
package io.bcsync.sim.bigcommerce;
