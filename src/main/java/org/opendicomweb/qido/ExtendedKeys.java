package org.opendicomweb.qido;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendicomweb.index.ExtendedQueryTag;
import org.opendicomweb.index.ExtendedQueryTags;
import org.opendicomweb.index.Reindexer;

/**
 * The configured extended query tags as matching keys. Checked at start-up against the built-in keys: an
 * attribute the index matches already cannot be configured again (it would be matched twice, differently).
 */
@ApplicationScoped
@Startup
public class ExtendedKeys {
    private final Map<Integer, ExtendedKey> byTag = new LinkedHashMap<>();
    private final Reindexer reindexer;

    @Inject
    ExtendedKeys(ExtendedQueryTags tags, Reindexer reindexer) {
        this.reindexer = reindexer;
        for (ExtendedQueryTag t : tags.all()) {
            if (MatchingKey.of(t.tag()) != null) {
                throw new IllegalArgumentException("dicomweb.qido.extended-tags: " + t.describe()
                        + " is a built-in matching key already (see docs/conformance.md); remove it from the list");
            }
            byTag.put(t.tag(), new ExtendedKey(t));
        }
    }

    /** The keys by tag. */
    Map<Integer, ExtendedKey> byTag() {
        return byTag;
    }

    /** Whether the values of {@code key} are known to be missing for some instances stored before it was configured. */
    boolean isIncomplete(ExtendedKey key) {
        return reindexer.isIncomplete(key.definition());
    }
}
