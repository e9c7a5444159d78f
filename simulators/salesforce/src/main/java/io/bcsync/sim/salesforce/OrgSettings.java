package io.bcsync.sim.salesforce;

/** Identity of the simulated org as the APIs report it. */
public record OrgSettings(String orgId, String orgName, boolean sandbox, String apiVersion) {}
