package org.opendicomweb.testing;

import io.quarkus.test.junit.QuarkusTest;
import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Splits the suite in two tiers by what a test needs, so that nobody has to keep a list: {@code unit} (pure logic:
 * no server, no database, no program outside the JDK; {@code mvn test}) and {@code integration} (a
 * {@link QuarkusTest} with its HTTP server and index database, or a test marked {@link UsesTools}; run by
 * {@code mvn verify}, once on H2 and once on PostgreSQL). Surefire's executions choose one with the system property
 * {@value #PROPERTY}; without it every test runs (an IDE). Registered through {@code META-INF/services}.
 */
public final class TestTiers implements PostDiscoveryFilter {
    static final String PROPERTY = "test.tier";
    private static final TestTag TOOLS = TestTag.create(UsesTools.TAG);

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        String tier = System.getProperty(PROPERTY);
        if (tier == null || tier.isBlank()) {
            return FilterResult.included("every tier");
        }
        boolean integration = needsServerOrTools(descriptor);
        boolean wanted = switch (tier) {
            case "unit" -> !integration;
            case "integration" -> integration;
            default ->
                throw new IllegalArgumentException(PROPERTY + " must be 'unit' or 'integration', not '" + tier + "'");
        };
        return wanted ? FilterResult.included(tier) : FilterResult.excluded("not in the " + tier + " tier");
    }

    private static boolean needsServerOrTools(TestDescriptor descriptor) {
        if (descriptor.getTags().contains(TOOLS)) {
            return true;
        }
        // A parameterized or dynamic test's invocations have no source of their own: judge by the nearest that has.
        for (Optional<TestDescriptor> d = Optional.of(descriptor);
                d.isPresent();
                d = d.get().getParent()) {
            Optional<TestSource> source = d.get().getSource();
            if (source.isPresent() && (source.get() instanceof MethodSource || source.get() instanceof ClassSource)) {
                Class<?> testClass = source.get() instanceof MethodSource m
                        ? m.getJavaClass()
                        : ((ClassSource) source.get()).getJavaClass();
                return isQuarkusTest(testClass);
            }
        }
        return false;
    }

    /**
     * By name: Quarkus loads its test classes in a class loader of its own, where {@link QuarkusTest} is another
     * class than the one this filter sees. Meta-annotations count, as JUnit's do.
     */
    private static boolean isQuarkusTest(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            for (Annotation a : c.getAnnotations()) {
                if (isOrCarries(a.annotationType(), new HashSet<>())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOrCarries(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (type.getName().equals(QuarkusTest.class.getName())) {
            return true;
        }
        if (!seen.add(type) || type.getName().startsWith("java.lang.annotation.")) {
            return false;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (isOrCarries(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }
}
