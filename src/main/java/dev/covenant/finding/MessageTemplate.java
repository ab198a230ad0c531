package dev.covenant.finding;

import dev.covenant.model.Fact;
import dev.covenant.model.Keyed;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A finding's message (or a citation) written in a rule's metadata, so that a consequence is one line:
 * <pre>
 *   &#64;message("Practice '{practice}' uses {category} for {practice.use}, reaching {us.members} US members")
 * </pre>
 * {@code {name}} is the value the rule's {@code when} bound to {@code $name}; {@code {name.a.b}} applies
 * accessors in turn (a record component or a public method without arguments: {@code members} calls
 * {@code members()}); {@code {first.howLate(collected)}} passes other bindings as arguments. A fact renders
 * as its id, a keyed value as its key, an integer with grouping separators (1,234), a list as its elements
 * joined with ", " (an accessor after a list applies to each element), and null or empty as nothing.
 * {@code {{} and {@code }}} are literal braces. The placeholders are checked against the rule's bindings
 * and their types when the pack compiles ({@link #problems}), so a typo is a diagnostic, not a broken report.
 */
public final class MessageTemplate {

    /** A part of the template: literal text, or a placeholder at {@code offset} within the template. */
    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    /** {@code binding.step.step}; {@code offset} is where its '{' stands, for diagnostics. */
    private record Placeholder(String binding, List<Step> steps, int offset, String written) implements Part {
    }

    /** An accessor, with the bindings passed to it as arguments (none for a plain accessor). */
    private record Step(String name, List<String> arguments) {
    }

    /** A placeholder that does not fit the rule: where it is (offset in the template) and what is wrong. */
    public record Problem(int offset, String message) {
    }

    /** Accessors found, per class (a ClassValue: a class reloaded by --watch gets its own, and old ones can go). */
    private static final ClassValue<Map<String, Optional<Method>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final String text;
    private final List<Part> parts;

    private MessageTemplate(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** The template as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Parses {@code text}; throws {@link IllegalArgumentException} whose message says what is wrong and
     * starts with the offset ({@code "at 12: ..."}) when a placeholder is malformed.
     */
    public static MessageTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new IllegalArgumentException("at " + i + ": a '}' without its '{' (write '}}' for a brace)");
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("at " + i + ": a '{' without its '}' (write '{{' for a brace)");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(placeholder(text.substring(i + 1, close), i));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new MessageTemplate(text, parts);
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*)(?:\\(\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)?\\s*\\))?");

    private static Placeholder placeholder(String inside, int offset) {
        String written = inside.strip();
        List<String> segments = splitSteps(written);
        if (segments.isEmpty() || !NAME.matcher(segments.get(0).startsWith("$") ? segments.get(0).substring(1) : segments.get(0)).matches()) {
            throw new IllegalArgumentException("at " + offset + ": '{" + inside + "}' must name a binding of the rule, as in {practice} or {practice.use}");
        }
        String binding = segments.get(0).startsWith("$") ? segments.get(0).substring(1) : segments.get(0);
        List<Step> steps = new ArrayList<>();
        for (String segment : segments.subList(1, segments.size())) {
            var m = STEP.matcher(segment.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("at " + offset + ": '" + segment + "' in '{" + inside
                        + "}' is not an accessor (a name, or a name with bindings as arguments: howLate(collected))");
            }
            List<String> arguments = m.group(2) == null ? List.of()
                    : java.util.Arrays.stream(m.group(2).split(",")).map(String::strip).toList();
            steps.add(new Step(m.group(1), arguments));
        }
        return new Placeholder(binding, steps, offset, written);
    }

    /** Splits {@code a.b(c, d).e} at the dots outside parentheses. */
    private static List<String> splitSteps(String written) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '.' && depth == 0) {
                segments.add(written.substring(start, i).strip());
                start = i + 1;
            }
        }
        segments.add(written.substring(start).strip());
        return segments.stream().anyMatch(String::isEmpty) ? List.of() : segments;
    }

    /** The names of the bindings the template uses, in order of first use. */
    public List<String> bindings() {
        List<String> names = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Placeholder p) {
                if (!names.contains(p.binding())) {
                    names.add(p.binding());
                }
                p.steps().forEach(s -> s.arguments().stream().filter(a -> !names.contains(a)).forEach(names::add));
            }
        }
        return names;
    }

    /**
     * What does not fit a rule whose {@code when} binds {@code types} (binding name without '$' → declared
     * class): unknown bindings and accessors, each with a did-you-mean. Accessors after a collection or an
     * {@code Object} are not checked (the elements' type is not known before the rule runs).
     */
    public List<Problem> problems(Map<String, Class<?>> types, BiFunction<String, Collection<String>, String> didYouMean) {
        List<Problem> problems = new ArrayList<>();
        for (Part part : parts) {
            if (!(part instanceof Placeholder p)) {
                continue;
            }
            Class<?> type = types.get(p.binding());
            if (type == null) {
                problems.add(new Problem(p.offset(), "'{" + p.written() + "}' names no binding of the rule: '$" + p.binding()
                        + "' is not bound in its when" + didYouMean.apply(p.binding(), types.keySet())
                        + " (bound: " + (types.isEmpty() ? "none" : types.keySet().stream().sorted().map(n -> "$" + n)
                        .collect(Collectors.joining(", "))) + ")"));
                continue;
            }
            java.lang.reflect.Type declared = type;
            for (Step step : p.steps()) {
                List<Class<?>> arguments = new ArrayList<>();
                boolean unbound = false;
                for (String argument : step.arguments()) {
                    if (!types.containsKey(argument)) {
                        problems.add(new Problem(p.offset(), "'{" + p.written() + "}' passes '" + argument
                                + "', which is not bound in the rule's when" + didYouMean.apply(argument, types.keySet())));
                        unbound = true;
                    } else {
                        arguments.add(types.get(argument));
                    }
                }
                // After a list, an accessor applies to each element: check it on the element type, when the list's
                // declaration says what that is (a record component List<Cohort>); a raw list (from collect) is not known.
                Class<?> on = raw(declared);
                if (on != null && Collection.class.isAssignableFrom(on)) {
                    declared = elementType(declared);
                    on = raw(declared);
                }
                if (unbound || on == null || on == Object.class || Map.class.isAssignableFrom(on) || on == Optional.class
                        || Collection.class.isAssignableFrom(on)) {
                    break;
                }
                Method accessor = accessor(on, step.name(), arguments);
                if (accessor == null) {
                    Method byName = accessor(on, step.name(), step.arguments().size());
                    problems.add(new Problem(p.offset(), "'{" + p.written() + "}': " + on.getSimpleName()
                            + (byName != null ? "." + step.name() + " does not take (" + arguments.stream().map(Class::getSimpleName)
                                    .collect(Collectors.joining(", ")) + ")"
                                    : " has no accessor '" + step.name() + "'" + (step.arguments().isEmpty() ? ""
                                            : " taking " + step.arguments().size() + " argument(s)")
                                            + didYouMean.apply(step.name(), accessorNames(on)))));
                    break;
                }
                declared = accessor.getGenericReturnType();
            }
        }
        return problems;
    }

    /** The template with {@code bindings} (binding name without '$' → value) put in. */
    public String render(Map<String, Object> bindings) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Placeholder p) {
                out.append(format(resolve(p, bindings)));
            }
        }
        return out.toString();
    }

    /** As {@link #render}, one text per element when the value is a list: a citation per element. */
    public List<String> renderEach(Map<String, Object> bindings) {
        if (parts.size() == 1 && parts.get(0) instanceof Placeholder p && resolve(p, bindings) instanceof Collection<?> many) {
            return many.stream().map(MessageTemplate::format).filter(s -> !s.isBlank()).toList();
        }
        String one = render(bindings);
        return one.isBlank() ? List.of() : List.of(one);
    }

    private static Object resolve(Placeholder p, Map<String, Object> bindings) {
        Object value = bindings.get(p.binding());
        for (Step step : p.steps()) {
            Object[] arguments = step.arguments().stream().map(bindings::get).toArray();
            value = apply(value, step.name(), arguments);
        }
        return value;
    }

    private static Object apply(Object value, String name, Object[] arguments) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(v -> apply(v, name, arguments)).filter(java.util.Objects::nonNull).toList();
        }
        Method accessor = accessor(value.getClass(), name, java.util.Arrays.stream(arguments)
                .map(a -> a == null ? Object.class : a.getClass()).collect(Collectors.toList()));
        if (accessor == null) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " has no accessor '" + name + "'");
        }
        try {
            return accessor.invoke(value, arguments);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot call " + name + " on " + value.getClass().getSimpleName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " failed on " + value.getClass().getSimpleName() + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * The public method {@code name} (or the getter {@code getName}/{@code isName}) taking {@code arity}
     * arguments, looked up through public types (a record or class, or an interface it implements) so it can
     * be called; memoised, for reports run it per finding.
     */
    static Method accessor(Class<?> type, String name, int arity) {
        return ACCESSORS.get(type).computeIfAbsent(name + "/" + arity, k -> find(type, name, arity, null)).orElse(null);
    }

    /** The accessor whose parameters accept {@code arguments} (their classes; null matches any), boxing allowed. */
    static Method accessor(Class<?> type, String name, List<Class<?>> arguments) {
        String key = name + arguments.stream().map(Class::getName).collect(Collectors.joining(",", "(", ")"));
        return ACCESSORS.get(type).computeIfAbsent(key, k -> find(type, name, arguments.size(), arguments)).orElse(null);
    }

    private static Optional<Method> find(Class<?> type, String name, int arity, List<Class<?>> arguments) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of(name, "get" + capitalised, "is" + capitalised)) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(candidate) && method.getParameterCount() == arity
                        && !Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class
                        && (arguments == null || accepts(method.getParameterTypes(), arguments))) {
                    if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                        continue;
                    }
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(Class<?>[] parameters, List<Class<?>> arguments) {
        for (int i = 0; i < parameters.length; i++) {
            Class<?> parameter = boxed(parameters[i]);
            if (arguments.get(i) != Object.class && !parameter.isAssignableFrom(boxed(arguments.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    private static Class<?> raw(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    /** The element type of a {@code List<Cohort>}; Object when the declaration does not say. */
    private static java.lang.reflect.Type elementType(java.lang.reflect.Type collection) {
        if (collection instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments().length == 1
                && !(p.getActualTypeArguments()[0] instanceof java.lang.reflect.TypeVariable<?>)
                && !(p.getActualTypeArguments()[0] instanceof java.lang.reflect.WildcardType)) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    /** The accessors a placeholder could name on {@code type}, for suggestions. */
    static List<String> accessorNames(Class<?> type) {
        return java.util.Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                        && m.getDeclaringClass() != Object.class && !m.getName().equals("hashCode"))
                .map(Method::getName).distinct().sorted().toList();
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(MessageTemplate::format).orElse("");
        }
        if (value instanceof Fact fact) {
            return fact.id();
        }
        if (value instanceof Keyed keyed) {
            return keyed.key();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(MessageTemplate::format).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
