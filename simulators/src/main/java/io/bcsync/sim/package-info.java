/** Simulators of a BigCommerce store and a Salesforce org, for tests, benchmarks and the demo. */
package io.bcsync.sim;
