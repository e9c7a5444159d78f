/**
 * The state of one simulated store. Entities are plain mutable holders guarded by the {@link
 * io.bcsync.sim.bigcommerce.store.Store} monitor; the feature packages render them in BigCommerce's
 * wire shapes.
 */
package io.bcsync.sim.bigcommerce.store;
