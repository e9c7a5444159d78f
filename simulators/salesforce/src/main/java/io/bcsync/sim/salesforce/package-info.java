package io.bcsync.sim.salesforce;
