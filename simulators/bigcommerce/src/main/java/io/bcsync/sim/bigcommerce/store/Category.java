package io.bcsync.sim.bigcommerce.store;

/** A catalog category in a category tree (tree 1 is the default storefront's). */
public final class Category {
  public long id;
  public long parentId;
  public long treeId = 1;
  public String name;
  public boolean isVisible = true;
  public int sortOrder;
}
