package org.opendicomweb.dicom.json;

import java.util.Arrays;
import org.opendicomweb.dicom.Tag;

/**
 * The position of an element in a dataset: the tags of the enclosing sequences with the (0-based) item index
 * taken in each, then the element's own tag. Writers reuse one instance while they walk a dataset, so callers
 * that keep a path must {@link #copy()} it.
 */
public final class TagPath {
    private int[] tags = new int[8];
    private int[] items = new int[8];
    private int depth;

    public TagPath() {}

    private TagPath(int[] tags, int[] items, int depth) {
        this.tags = tags;
        this.items = items;
        this.depth = depth;
    }

    /** Number of tags in the path: 1 for a top-level element. */
    public int depth() {
        return depth;
    }

    public int tag(int level) {
        return tags[level];
    }

    /** The item index taken in the sequence at {@code level} (for every level but the last). */
    public int item(int level) {
        return items[level];
    }

    /** The element's own tag. */
    public int tag() {
        return tags[depth - 1];
    }

    public TagPath copy() {
        return new TagPath(Arrays.copyOf(tags, depth), Arrays.copyOf(items, depth), depth);
    }

    /** Enters the element {@code tag} at the current level. */
    public void push(int tag) {
        if (depth == tags.length) {
            tags = Arrays.copyOf(tags, depth * 2);
            items = Arrays.copyOf(items, depth * 2);
        }
        tags[depth] = tag;
        items[depth] = -1;
        depth++;
    }

    /** Sets the item index taken in the sequence that is the last element of the path. */
    public void enterItem(int index) {
        items[depth - 1] = index;
    }

    /** Leaves the last element of the path (for writers walking a dataset). */
    public void pop() {
        depth--;
    }

    /** "00081115/0/0020000E": hex tags separated by item indexes, as a URL path segment would take them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(depth * 11);
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                sb.append('/').append(items[i - 1]).append('/');
            }
            sb.append(Tag.toHex(tags[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TagPath p) || p.depth != depth) {
            return false;
        }
        for (int i = 0; i < depth; i++) {
            if (p.tags[i] != tags[i] || (i < depth - 1 && p.items[i] != items[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = depth;
        for (int i = 0; i < depth; i++) {
            h = h * 31 + tags[i];
            if (i < depth - 1) {
                h = h * 31 + items[i];
            }
        }
        return h;
    }
}
