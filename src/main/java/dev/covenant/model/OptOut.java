package dev.covenant.model;

/** How members turn a setting off, and whether that undoes use already made of their data. */
public record OptOut(Method method, boolean retroactive) {
}
