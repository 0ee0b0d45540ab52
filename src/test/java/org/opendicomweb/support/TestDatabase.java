package org.opendicomweb.support;

/** Which index database this test run targets; set per surefire execution (see pom.xml). */
public final class TestDatabase {

    private TestDatabase() {}

    public static String kind() {
        return System.getProperty("dicomweb.database", "h2");
    }

    public static boolean isPostgreSQL() {
        return "postgresql".equals(kind());
    }
}
