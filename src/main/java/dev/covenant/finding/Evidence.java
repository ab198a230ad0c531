package dev.covenant.finding;

import dev.covenant.source.SourceSpan;

/** A fact a finding rests on: its kind and id, where it is written, the rule variable that bound it, and its content. */
public record Evidence(String role, String kind, String id, SourceSpan span, String detail) {
}
