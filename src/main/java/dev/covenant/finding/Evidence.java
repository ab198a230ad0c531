package dev.covenant.finding;

import dev.covenant.source.SourceSpan;

/** A fact a finding rests on: its kind and id, where it is written, and the rule variable that bound it. */
public record Evidence(String role, String kind, String id, SourceSpan span) {
}
