package io.bcsync.sync.orders;

/**
 * The Salesforce objects an order becomes: its header, its lines, the lines' key, and the
 * relationship by which a line names its header.
 *
 * @param linesUpsert false when the line object has no BigCommerce line id: its lines are replaced
 *     on every write
 */
record OrderObjects(
    String header, String line, String lineKey, String parentRelationship, boolean linesUpsert) {
  static final String ORDER_KEY = "BC_Order_Id__c";

  static OrderObjects of(String header) {
    return switch (header) {
      case "Order" -> new OrderObjects("Order", "OrderItem", "BC_Order_Line_Id__c", "Order", true);
      case "BC_Order__c" ->
          new OrderObjects(
              "BC_Order__c", "BC_Order_Line__c", "BC_Order_Line_Id__c", "BC_Order__r", true);
      // OpportunityLineItem has no BigCommerce line id field: its lines are replaced on every
      // write.
      case "Opportunity" ->
          new OrderObjects("Opportunity", "OpportunityLineItem", null, "Opportunity", false);
      default ->
          throw new IllegalArgumentException(
              "orders.target "
                  + header
                  + " is not supported by the sync (Order, Opportunity or BC_Order__c)");
    };
  }

  boolean usesPricebook() {
    return !header.equals("BC_Order__c");
  }
}
