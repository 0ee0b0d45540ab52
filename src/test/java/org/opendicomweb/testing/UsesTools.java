package org.opendicomweb.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test, or every test of a class, that needs a program or data outside the JDK (dcmtk, pydicom and its files,
 * OpenJPEG, Node.js): it runs with the server tests in {@code mvn verify}, not in {@code mvn test}
 * ({@link TestTiers}). The test itself still asks {@link RequiredTools} for what it needs.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(UsesTools.TAG)
public @interface UsesTools {
    String TAG = "tools";
}
