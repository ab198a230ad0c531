package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;

/**
 * The platform offers California consumers a way to limit the use of their sensitive personal information — the
 * "Limit the Use of My Sensitive Personal Information" link or the Alternative Opt-out Link with its methods for a
 * request to limit (Cal. Civ. Code § 1798.135(a)(2), (b); Cal. Code Regs. tit. 11, § 7027(b)) — from {@code since}
 * ({@code platform.limit_sensitive}). Only that it was offered, and from when, is stated: how requests are honoured
 * is not.
 */
public record LimitSensitive(LocalDate since, SourceSpan span) {

    /** True when the choice was offered on {@code day}. */
    public boolean offeredOn(LocalDate day) {
        return !day.isBefore(since);
    }

    @Override
    public String toString() {
        return "a way to limit the use of sensitive personal information offered from " + since;
    }
}
