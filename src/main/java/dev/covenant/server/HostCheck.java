package dev.covenant.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests that name another server: the defence against DNS rebinding. A page on
 * attacker.example can make its own name resolve to 127.0.0.1 and then post to a local server as if
 * same-origin, with no CORS preflight; the browser still sends {@code Host: attacker.example}. So only
 * the names of the bound address (for loopback: {@code localhost}, {@code 127.0.0.1}, {@code [::1]})
 * and those given with {@code --allowed-host} are accepted, the port ignored (a port forward may change
 * it). A POST that carries an {@code Origin} must name one of them too, as local services that browsers
 * can reach do (a cross-site form or script, or {@code Origin: null} from a sandboxed frame or a file).
 * Refused with 403, as Vite, Rails' host authorization, Jupyter and Ollama do: 421 Misdirected Request
 * is for a connection reused for another origin, and tells the client it may retry on a new connection.
 */
record HostCheck(Set<String> allowed) {

    /** The names loopback is known by; Host carries IPv6 literals in brackets. */
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    /**
     * The check for this configuration: null {@code allowed} when there is none to make, for a server
     * bound to every interface without {@code --allowed-host}: it has a bearer token (a page cannot send
     * one without a preflight), and no one name of its own.
     */
    static HostCheck of(CovenantServer.Config config) {
        Set<String> names = new LinkedHashSet<>();
        for (String host : config.allowedHosts()) {
            names.add(name(host));
        }
        InetAddress bound = address(config.host());
        if (bound != null && bound.isAnyLocalAddress() && names.isEmpty()) {
            return new HostCheck(null);
        }
        if (bound == null || !bound.isAnyLocalAddress()) {
            names.add(name(config.host().contains(":") && !config.host().startsWith("[") ? "[" + config.host() + "]" : config.host()));
        }
        // Every interface includes loopback: the machine itself may call it by those names.
        if (bound != null && (bound.isLoopbackAddress() || bound.isAnyLocalAddress())) {
            names.addAll(LOOPBACK);
        }
        return new HostCheck(Set.copyOf(names));
    }

    HttpHandler guard(HttpHandler next) {
        if (allowed == null) {
            return next;
        }
        return exchange -> {
            String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
            if (host == null || !allowed.contains(name(host))) {
                refuse(exchange, "host-not-allowed", (host == null ? "no Host header" : "Host '" + host + "' is not a name of this server")
                        + "; accepted: " + String.join(", ", allowed.stream().sorted().toList()) + " (more with --allowed-host NAME)");
                return;
            }
            String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
            if (origin != null && exchange.getRequestMethod().equals(Methods.POST) && !allowed.contains(originHost(origin))) {
                refuse(exchange, "origin-not-allowed", "Origin '" + origin + "' is not this server; a web page elsewhere may not post to it"
                        + " (allow its host with --allowed-host NAME)");
                return;
            }
            next.handleRequest(exchange);
        };
    }

    private static void refuse(HttpServerExchange exchange, String code, String message) {
        exchange.setPersistent(false); // the body, if any, is not read
        CovenantServer.error(exchange, 403, code, message, List.of());
    }

    /** The host name of a Host value or an --allowed-host, without the port, in lower case. */
    static String name(String hostAndPort) {
        String value = hostAndPort.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** The host name of an Origin ({@code scheme://host[:port]}), or "" when it has none ({@code null}, garbage). */
    private static String originHost(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String host = uri.getHost();
            return host == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) ? ""
                    : name(host);
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
