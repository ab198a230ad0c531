package dev.covenant.source;

/** The running Covenant version, from the jar manifest (or "dev" when run from classes), stamped on reports and service answers. */
public final class Version {

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
