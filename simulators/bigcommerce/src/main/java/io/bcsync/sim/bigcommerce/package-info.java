package io.bcsync.sim.bigcommerce;
