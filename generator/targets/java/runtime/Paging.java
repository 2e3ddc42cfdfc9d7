package sdkgen.runtime;

/** How a list walks its pages (the IR's pagination, field names on the wire). */
public final class Paging {
    final String style;
    final String itemsField;
    final String param;
    final String nextField;
    final String sizeParam;
    final String hasMoreField;
    final String totalField;
    final String cursorItemField;
    final boolean linkHeader;

    /** Arguments in this order; an absent one is null. */
    public Paging(String style, String itemsField, String param, String nextField,
            String sizeParam, String hasMoreField, String totalField, String cursorItemField,
            boolean linkHeader) {
        this.style = style;
        this.itemsField = itemsField;
        this.param = param;
        this.nextField = nextField;
        this.sizeParam = sizeParam;
        this.hasMoreField = hasMoreField;
        this.totalField = totalField;
        this.cursorItemField = cursorItemField;
        this.linkHeader = linkHeader;
    }
}
