package io.bcsync.salesforce.soap;

/** What the environment guard needs to know about the org behind a connection. */
public record OrgInfo(String orgId, String name, boolean sandbox, String userId, String username) {}
