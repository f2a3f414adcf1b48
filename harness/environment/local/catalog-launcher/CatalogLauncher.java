/*
 * Starts Apache Paimon's reference REST catalog server (org.apache.paimon.rest.RESTCatalogServer
 * from paimon-core-<version>-tests.jar) as a long-running loopback process for paimon-interop.
 *
 * Secrets come from the environment, never from argv (which `ps` shows):
 *   PAIMON_INTEROP_CATALOG_TOKEN           bearer token (auth=bear)
 *   PAIMON_INTEROP_DLF_ACCESS_KEY_ID/SECRET AK/SK pair (auth=dlf)
 *   PAIMON_INTEROP_ADMIN_TOKEN             guards the admin endpoints
 *
 * Prints one line `PAIMON_INTEROP_READY catalog=<url> admin=<url>` when serving, and exits when
 * its standard input closes (the harness died) or on SIGTERM, so no orphan survives the run.
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.rest.RESTCatalogServer;
import org.apache.paimon.rest.auth.AuthProvider;
import org.apache.paimon.rest.auth.BearTokenAuthProvider;
import org.apache.paimon.rest.auth.DLFToken;
import org.apache.paimon.rest.auth.RESTAuthParameter;
import org.apache.paimon.rest.responses.ConfigResponse;

public class CatalogLauncher {

    /**
     * Verifies DLF signatures the way Paimon's own mock test does: re-sign the request with
     * Paimon's signer, compare. The signer moved in 1.4 (DLFAuthSignature -> DLFDefaultSigner),
     * so it is looked up by reflection and the launcher builds against every version. The
     * interface changed too: 1.1 asks for header() and refresh(), 1.2+ for mergeAuthHeader(), so
     * all three are here, none marked @Override.
     */
    static final class DlfVerifyingAuthProvider implements AuthProvider {
        private final DLFToken token;
        private final String region;

        DlfVerifyingAuthProvider(String accessKeyId, String accessKeySecret, String region) {
            this.token = new DLFToken(accessKeyId, accessKeySecret, null, null);
            this.region = region;
        }

        private String sign(Map<String, String> headers, RESTAuthParameter parameter) throws Exception {
            try {
                Class<?> signer = Class.forName("org.apache.paimon.rest.auth.DLFDefaultSigner");
                Object instance = signer.getConstructor(String.class).newInstance(region);
                Method m = signer.getMethod("authorization", RESTAuthParameter.class, DLFToken.class, String.class, Map.class);
                return (String) m.invoke(instance, parameter, token, headers.getOrDefault("host", ""), headers);
            } catch (ClassNotFoundException olderThan14) {
                Class<?> signature = Class.forName("org.apache.paimon.rest.auth.DLFAuthSignature");
                String dateTime = headers.getOrDefault("x-dlf-date", "");
                Method m = signature.getMethod("getAuthorization", RESTAuthParameter.class, DLFToken.class, String.class, Map.class, String.class, String.class);
                return (String) m.invoke(null, parameter, token, region, headers, dateTime, dateTime.length() >= 8 ? dateTime.substring(0, 8) : dateTime);
            }
        }

        public Map<String, String> header(Map<String, String> headers, RESTAuthParameter parameter) {
            return mergeAuthHeader(headers, parameter);
        }

        public boolean refresh() {
            return true;
        }

        public Map<String, String> mergeAuthHeader(Map<String, String> headers, RESTAuthParameter parameter) {
            try {
                Map<String, String> merged = new HashMap<>(headers);
                merged.put("Authorization", sign(headers, parameter));
                return merged;
            } catch (Exception e) {
                throw new RuntimeException("could not verify the DLF signature", e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String dataPath = require(opts, "data-path");
        String warehouse = opts.getOrDefault("warehouse", "paimon_interop");
        String auth = opts.getOrDefault("auth", "bear");
        int port = Integer.parseInt(opts.getOrDefault("port", "0"));
        int adminPort = Integer.parseInt(opts.getOrDefault("admin-port", "0"));
        // In a container the launcher binds all interfaces and has no harness on its stdin.
        InetAddress bind = InetAddress.getByName(opts.getOrDefault("host", "127.0.0.1"));
        boolean watchStdin = Boolean.parseBoolean(opts.getOrDefault("watch-stdin", "true"));

        AuthProvider authProvider;
        if ("dlf".equals(auth)) {
            authProvider = new DlfVerifyingAuthProvider(
                    env("PAIMON_INTEROP_DLF_ACCESS_KEY_ID"),
                    env("PAIMON_INTEROP_DLF_ACCESS_KEY_SECRET"),
                    opts.getOrDefault("region", "cn-hangzhou"));
        } else {
            authProvider = new BearTokenAuthProvider(env("PAIMON_INTEROP_CATALOG_TOKEN"));
        }

        Map<String, String> defaults = new HashMap<>();
        defaults.put("prefix", opts.getOrDefault("prefix", "paimon_interop"));
        ConfigResponse config = new ConfigResponse(defaults, new HashMap<>());
        RESTCatalogServer server = new RESTCatalogServer(dataPath, authProvider, config, warehouse);
        // RESTCatalogServer.start() binds localhost on a random port; bind the wrapped
        // MockWebServer ourselves to honour --host and --port.
        Field f = RESTCatalogServer.class.getDeclaredField("server");
        f.setAccessible(true);
        MockWebServer web = (MockWebServer) f.get(server);
        // RESTCatalogServer keeps its catalog state in plain HashMaps while MockWebServer serves
        // each connection on its own thread: concurrent requests can corrupt them (a lost entry,
        // another table's schema, a loop in a resized map that never answers). One request at a
        // time, the admin hooks included, so a client never meets a state another request is
        // halfway through changing. Its answers (and its crashes) are its own.
        Object state = new Object();
        Dispatcher dispatcher = web.getDispatcher();
        web.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                synchronized (state) {
                    return dispatcher.dispatch(request);
                }
            }
        });
        web.start(bind, port);

        HttpServer admin = HttpServer.create(new InetSocketAddress(bind, adminPort), 0);
        String adminToken = System.getenv().getOrDefault("PAIMON_INTEROP_ADMIN_TOKEN", "");
        admin.createContext("/health", ex -> reply(ex, 200, "{\"ok\":true}"));
        admin.createContext("/no-permission/database", ex -> {
            if (!authorized(ex, adminToken)) return;
            Map<String, String> q = query(ex);
            synchronized (state) {
                server.addNoPermissionDatabase(q.get("database"));
            }
            reply(ex, 200, "{\"ok\":true}");
        });
        admin.createContext("/no-permission/table", ex -> {
            if (!authorized(ex, adminToken)) return;
            Map<String, String> q = query(ex);
            synchronized (state) {
                server.addNoPermissionTable(Identifier.create(q.get("database"), q.get("table")));
            }
            reply(ex, 200, "{\"ok\":true}");
        });
        // The reverse: the server has no public remover, so its lists are reached by reflection
        // (the same field names from 1.1 to 2.0).
        admin.createContext("/permission/database", ex -> {
            if (!authorized(ex, adminToken)) return;
            synchronized (state) {
                allow(server, "noPermissionDatabases", query(ex).get("database"));
            }
            reply(ex, 200, "{\"ok\":true}");
        });
        admin.createContext("/permission/table", ex -> {
            if (!authorized(ex, adminToken)) return;
            Map<String, String> q = query(ex);
            synchronized (state) {
                allow(server, "noPermissionTables", Identifier.create(q.get("database"), q.get("table")).getFullName());
            }
            reply(ex, 200, "{\"ok\":true}");
        });
        admin.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            admin.stop(0);
            try {
                server.shutdown();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));

        String host = bind.isAnyLocalAddress() ? "127.0.0.1" : bind.getHostAddress();
        String url = "http://" + host + ":" + ((MockWebServer) f.get(server)).getPort() + "/";
        System.out.println("PAIMON_INTEROP_READY catalog=" + url + " admin=http://" + host + ":" + admin.getAddress().getPort());
        System.out.flush();
        if (!watchStdin) {
            Thread.currentThread().join();
        }

        // Serve until the harness goes away: its end of our stdin closes when it exits or dies.
        InputStream in = System.in;
        while (in.read() != -1) {
            // ignore input
        }
        System.exit(0);
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            System.err.println("missing --" + key);
            System.exit(2);
        }
        return v;
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            System.err.println("missing environment variable " + name);
            System.exit(2);
        }
        return v;
    }

    /** Removes a name from one of RESTCatalogServer's no-permission lists. */
    @SuppressWarnings("unchecked")
    private static void allow(RESTCatalogServer server, String field, String name) {
        try {
            Field list = RESTCatalogServer.class.getDeclaredField(field);
            list.setAccessible(true);
            ((java.util.List<String>) list.get(server)).remove(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RESTCatalogServer has no field " + field, e);
        }
    }

    private static boolean authorized(HttpExchange ex, String adminToken) throws java.io.IOException {
        if (!"POST".equals(ex.getRequestMethod()) || !adminToken.equals(ex.getRequestHeaders().getFirst("X-Admin-Token"))) {
            reply(ex, 403, "{\"ok\":false}");
            return false;
        }
        return true;
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) return out;
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            out.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
