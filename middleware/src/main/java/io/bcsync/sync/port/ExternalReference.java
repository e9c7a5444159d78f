package io.bcsync.sync.port;

/**
 * A lookup to a parent by its external id, so a child can be written in the same run as its parent
 * without knowing the parent's Salesforce id. Put it under the relationship name: {@code "Account"}
 * for {@code Contact.AccountId}, {@code "Parent__r"} for a custom lookup {@code Parent__c}.
 */
public record ExternalReference(String sobjectType, String externalIdField, String value) {}
