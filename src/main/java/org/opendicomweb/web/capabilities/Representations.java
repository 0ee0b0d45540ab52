package org.opendicomweb.web.capabilities;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method exchanges, for the Capabilities Description: our resources negotiate media types in code
 * rather than with {@code @Produces}, so the annotations the framework reads cannot say it. On a class it applies
 * to every method that has none of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Representations {

    /** Media types of request bodies accepted. */
    String[] consumes() default {};

    /** Media types of response bodies, preferred first. */
    String[] produces() default {};

    /** Query parameters understood that are not declared with {@code @QueryParam}. */
    String[] query() default {};

    /** A sentence on what the parameters or representations mean here. */
    String doc() default "";
}
