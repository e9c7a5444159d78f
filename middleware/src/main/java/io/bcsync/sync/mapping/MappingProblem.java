package io.bcsync.sync.mapping;

/**
 * One thing wrong with a mapping, e.g. {@code store-abc.yml:14: Order.BC_Foo__c: no such field on
 * Order}.
 *
 * @param subject the object and field concerned ({@code Order.BC_Foo__c}), or the section ({@code
 *     matching})
 */
public record MappingProblem(SourceLocation location, String subject, String message) {
  @Override
  public String toString() {
    return location + ": " + subject + ": " + message;
  }
}
