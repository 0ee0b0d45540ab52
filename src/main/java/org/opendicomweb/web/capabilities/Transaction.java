package org.opendicomweb.web.capabilities;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the DICOMweb transaction a resource method implements, for the Capabilities Description (PS3.18 §8.9,
 * Annex H). Path, HTTP method and declared parameters come from the JAX-RS annotations themselves; what is
 * exchanged from {@link Representations}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Transaction {

    /** The transaction's name as PS3.18 gives it, e.g. "Search for Studies". */
    String value();

    /** The section of PS3.18 that defines it, e.g. "10.6". */
    String section();

    /**
     * For a search: the level of its results ({@code study}, {@code series} or {@code instance}), which decides
     * the matching keys the description lists for it ({@link QueryKeyCatalogue}).
     */
    String searchLevel() default "";
}
