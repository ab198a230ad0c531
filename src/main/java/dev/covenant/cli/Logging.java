package dev.covenant.cli;

import java.util.Arrays;

/**
 * Keeps the CLI quiet: Drools and KIE log build failures we already report as diagnostics, so
 * they are silenced unless {@code --verbose}. Must run before the first logger is created.
 */
final class Logging {

    private static boolean verbose;

    private Logging() {
    }

    static void configure(String[] args) {
        verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        // Undertow and XNIO log through JBoss Logging; route it to slf4j so the same switch applies.
        setIfAbsent("org.jboss.logging.provider", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        if (!verbose) {
            setIfAbsent("org.slf4j.simpleLogger.log.org.drools", "off");
            setIfAbsent("org.slf4j.simpleLogger.log.org.kie", "off");
            setIfAbsent("org.slf4j.simpleLogger.log.io.undertow", "warn");
            setIfAbsent("org.slf4j.simpleLogger.log.org.xnio", "warn");
        }
    }

    static boolean verbose() {
        return verbose;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
