package org.opendicomweb.dicom;

import java.util.ArrayList;

/** The items of an SQ element; each item knows its enclosing dataset for character set inheritance. */
public final class Sequence extends ArrayList<Attributes> {
    private final Attributes parent;

    Sequence(Attributes parent, int initialCapacity) {
        super(initialCapacity);
        this.parent = parent;
    }

    public Attributes parent() {
        return parent;
    }

    /** Adds a new, empty item that inherits the byte order and character set of the enclosing dataset. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent.bigEndian(), 16);
        item.setParent(parent);
        add(item);
        return item;
    }

    @Override
    public boolean add(Attributes item) {
        item.setParent(parent);
        return super.add(item);
    }
}
