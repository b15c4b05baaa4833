package newsgraph.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with only a plain Bolt connector, so that a Node.js parent can spawn
 * it as a child process and talk to it with neo4j-driver.
 *
 * <p>Stdout is reserved for the line protocol (NEO4J_READY / NEO4J_ERROR / NEO4J_STOPPED) because the
 * parent parses it; everything else goes to stderr or to log files under the data dir.
 */
public final class EmbeddedNeo4j {

    private static final Duration DB_AVAILABLE_TIMEOUT = Duration.ofMinutes(5);
    // Usernames go into Cypher as identifiers (parameters are not allowed there), so keep them plain.
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** Captured before anything else runs so no library can write onto the protocol channel. */
    private static PrintStream protocol;

    private static final Object LOCK = new Object();
    private static DatabaseManagementService service; // guarded by LOCK
    private static boolean stopping; // guarded by LOCK; makes shutdown idempotent
    private static volatile Args startArgs; // for classifying failures
    private static volatile String boltEndpoint; // host:port requested, for error messages

    private EmbeddedNeo4j() {}

    public static void main(String[] argv) {
        protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Any library that prints to System.out (Neo4j's console logging, log4j status) lands on stderr.
        System.setOut(System.err);

        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            emit("NEO4J_ERROR BAD_ARGS " + oneLine(e.getMessage()));
            System.exit(2);
            return;
        }

        // Registered before startup so a SIGTERM/EOF that arrives mid-startup still waits for the
        // store to open (LOCK) and then closes it cleanly instead of leaving it for recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNeo4j::shutdown, "neo4j-launcher-shutdown"));
        watchStdin();

        try {
            run(args);
        } catch (Throwable t) {
            fail(t);
        }
    }

    private static void run(Args args) throws Exception {
        Path home = args.dataDir.toAbsolutePath().normalize();
        Files.createDirectories(home);
        // Decided before start: Neo4j creates data/databases on first start, after which we must
        // never reset the password (a wrong password has to stay a refusal).
        boolean freshStore = !Files.isDirectory(home.resolve("data").resolve("databases"));

        startArgs = args;
        boltEndpoint = hostForUri(args.boltAddress) + ":" + args.boltPort;
        if (args.boltPort != 0) {
            // Neo4j only reports a bind failure after opening the store (seconds later, and with a
            // less obvious error), so check up front; the cause-chain check in fail() covers races.
            checkPortFree(args.boltAddress, args.boltPort);
        }

        Map<org.neo4j.graphdb.config.Setting<?>, Object> cfg = new HashMap<>();
        cfg.put(BoltConnector.enabled, true);
        cfg.put(BoltConnector.listen_address, new SocketAddress(args.boltAddress, args.boltPort));
        cfg.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        cfg.put(HttpConnector.enabled, false);
        cfg.put(HttpsConnector.enabled, false);
        // Server-side routing would open a second listener (:7688) that collides between instances.
        cfg.put(GraphDatabaseSettings.routing_enabled, false);
        cfg.put(GraphDatabaseSettings.udc_enabled, false);
        cfg.put(GraphDatabaseSettings.auth_enabled, true);
        cfg.put(GraphDatabaseSettings.pagecache_memory, args.pageCacheBytes);
        cfg.put(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(args.txTimeoutSeconds));
        cfg.put(GraphDatabaseSettings.logs_directory, home.resolve("logs"));
        // Netty's default 5s "quiet period" is paid once per event-loop group on shutdown (~10s in
        // total). Bolt connections are already closed by then, so there is nothing to wait for; an
        // internal setting, but it keeps EOF/SIGTERM -> exit well under a second.
        cfg.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);

        DatabaseManagementService dbms;
        synchronized (LOCK) {
            if (stopping) {
                return; // parent went away before we even started
            }
            dbms = new DatabaseManagementServiceBuilder(home).setConfig(cfg).build();
            service = dbms;
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(DB_AVAILABLE_TIMEOUT.toMillis())) {
            throw new IllegalStateException("database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                    + "' did not become available within " + DB_AVAILABLE_TIMEOUT.toSeconds() + "s");
        }

        initCredentials(dbms, args, freshStore);

        HostnamePort bound = ((GraphDatabaseAPI) db)
                .getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (bound == null) {
            throw new IllegalStateException("Bolt connector did not register a local address");
        }
        synchronized (LOCK) {
            if (!stopping) {
                emit("NEO4J_READY bolt://" + hostForUri(args.boltAddress) + ":" + bound.getPort());
            }
        }
        // main returns; the JVM stays up on Neo4j's non-daemon threads until shutdown().
    }

    /**
     * Sets the password only while it has never been set: on a fresh store, or when the built-in
     * 'neo4j' user still carries its initial password (a first start that died before we got here).
     */
    private static void initCredentials(DatabaseManagementService dbms, Args args, boolean freshStore) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean initialPasswordPending = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(),
                r -> r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired")));
        if (!freshStore && !initialPasswordPending) {
            return;
        }
        Map<String, Object> pw = Map.of("pw", args.password);
        if (args.username.equals("neo4j")) {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", pw);
        } else {
            // Community has no roles: every user is all-powerful, so the default account must not
            // stay behind with its well-known initial password.
            system.executeTransactionally(
                    "CREATE OR REPLACE USER `" + args.username + "` SET PASSWORD $pw CHANGE NOT REQUIRED", pw);
            system.executeTransactionally("DROP USER neo4j IF EXISTS");
        }
    }

    private static void shutdown() {
        synchronized (LOCK) {
            if (stopping) {
                return;
            }
            stopping = true;
            if (service == null) {
                return;
            }
            try {
                service.shutdown();
                emit("NEO4J_STOPPED");
            } catch (Throwable t) {
                System.err.println("neo4j-launcher: error during shutdown");
                t.printStackTrace(System.err);
            } finally {
                service = null;
            }
        }
    }

    /** The parent holds our stdin pipe; EOF means it exited (even via SIGKILL), so we must too. */
    private static void watchStdin() {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            InputStream in = System.in;
            try {
                while (in.read(buf) >= 0) {
                    // content is ignored; only EOF matters
                }
            } catch (IOException ignored) {
                // a broken stdin is as good as EOF
            }
            System.exit(0); // the shutdown hook closes the store
        }, "neo4j-launcher-stdin");
        t.setDaemon(true);
        t.start();
    }

    private static void fail(Throwable t) {
        synchronized (LOCK) {
            if (stopping) {
                // EOF/signal arrived mid-startup and the hook closed the store under us: not an error.
                System.err.println("neo4j-launcher: startup interrupted by shutdown (" + describe(t) + ")");
                return;
            }
        }
        System.err.println("neo4j-launcher: startup failed");
        t.printStackTrace(System.err);
        String code;
        String message = describe(rootCause(t));
        if (portTaken(t)) {
            code = "PORT_IN_USE";
            message = "Bolt address " + boltEndpoint + " is already in use (" + message + ")";
        } else if (hasCauseNamed(t, "FileLockException")) {
            code = "STORE_LOCKED";
        } else {
            code = "STARTUP_FAILED";
            // Root messages are often just a path or a number; the exception type gives them meaning.
            message = rootCause(t).getClass().getSimpleName() + ": " + message;
            if (hasCauseNamed(t, "BindException", "PortBindException")) {
                message = "cannot bind Bolt to " + boltEndpoint + ": " + message;
            }
        }
        synchronized (LOCK) {
            if (stopping) {
                return; // a shutdown won the race while we were classifying
            }
            stopping = true; // the ERROR line is final: no READY/STOPPED after it
            emit("NEO4J_ERROR " + code + " " + oneLine(message));
            if (service != null) {
                try {
                    service.shutdown();
                } catch (Throwable s) {
                    s.printStackTrace(System.err);
                }
                service = null;
            }
        }
        System.exit(1);
    }

    private static void checkPortFree(String host, int port) throws BindException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            throw e; // fail() tells "in use" apart from "cannot bind this address at all"
        } catch (IOException e) {
            // e.g. unresolvable host: let Neo4j produce its own, more specific error
        }
    }

    /**
     * Any bind failure is a BindException (bad address, privileged port, ...), and errno texts may be
     * localized, so "in use" is confirmed by the English text or by someone actually listening there.
     */
    private static boolean portTaken(Throwable t) {
        Args a = startArgs;
        if (a == null || a.boltPort == 0 || !hasCauseNamed(t, "BindException", "PortBindException")) {
            return false;
        }
        return hasMessage(t, "already in use") || someoneListening(a.boltAddress, a.boltPort);
    }

    private static boolean someoneListening(String host, int port) {
        try {
            InetAddress addr = InetAddress.getByName(host);
            if (addr.isAnyLocalAddress()) {
                addr = InetAddress.getLoopbackAddress();
            } else if (!addr.isLoopbackAddress() && NetworkInterface.getByInetAddress(addr) == null) {
                return false; // not one of ours: the bind failed for another reason; never probe remote hosts
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(addr, port), 1000);
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasMessage(Throwable t, String part) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Matched by name so we do not depend on Neo4j-internal exception classes. */
    private static boolean hasCauseNamed(Throwable t, String... simpleNames) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (String name : simpleNames) {
                if (c.getClass().getSimpleName().equals(name)) {
                    return true;
                }
            }
            for (Throwable s : c.getSuppressed()) {
                if (hasCauseNamed(s, simpleNames)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? t.getClass().getName() : msg;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void emit(String line) {
        protocol.println(line);
        protocol.flush();
    }

    /** Parsed command line; every rule here is part of the documented contract. */
    private static final class Args {
        Path dataDir;
        String boltAddress = "127.0.0.1";
        int boltPort = 7687;
        String username = "neo4j";
        String password;
        long pageCacheBytes = ByteUnit.mebiBytes(128);
        long txTimeoutSeconds = 30;

        private static final Set<String> KNOWN = Set.of("--data-dir", "--bolt-address", "--bolt-port",
                "--username", "--password", "--page-cache", "--tx-timeout");

        static Args parse(String[] argv) {
            Args a = new Args();
            List<String> list = List.of(argv);
            for (int i = 0; i < list.size(); i++) {
                String flag = list.get(i);
                String value = null;
                int eq = flag.indexOf('=');
                if (flag.startsWith("--") && eq > 0) { // also accept --flag=value
                    value = flag.substring(eq + 1);
                    flag = flag.substring(0, eq);
                }
                if (!KNOWN.contains(flag)) {
                    throw new IllegalArgumentException("unknown argument: " + flag);
                }
                if (value == null) {
                    if (i + 1 >= list.size()) {
                        throw new IllegalArgumentException("missing value for " + flag);
                    }
                    value = list.get(++i);
                }
                switch (flag) {
                    case "--data-dir" -> {
                        if (value.isBlank()) {
                            throw new IllegalArgumentException("--data-dir must not be empty");
                        }
                        a.dataDir = Paths.get(value);
                    }
                    case "--bolt-address" -> {
                        if (value.isBlank()) {
                            throw new IllegalArgumentException("--bolt-address must not be empty");
                        }
                        a.boltAddress = value;
                    }
                    case "--bolt-port" -> a.boltPort = intInRange(flag, value, 0, 65535);
                    case "--username" -> {
                        if (!USERNAME.matcher(value).matches()) {
                            throw new IllegalArgumentException(
                                    "--username must match " + USERNAME.pattern());
                        }
                        a.username = value;
                    }
                    case "--password" -> a.password = value;
                    case "--page-cache" -> {
                        try {
                            a.pageCacheBytes = ByteUnit.parse(value);
                        } catch (RuntimeException e) {
                            throw new IllegalArgumentException("--page-cache: not a size: " + value);
                        }
                        if (a.pageCacheBytes < ByteUnit.mebiBytes(8)) {
                            throw new IllegalArgumentException("--page-cache must be at least 8m");
                        }
                    }
                    case "--tx-timeout" -> a.txTimeoutSeconds = intInRange(flag, value, 0, Integer.MAX_VALUE);
                    default -> throw new IllegalArgumentException("unknown argument: " + flag);
                }
            }
            if (a.dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            if (a.password == null) {
                throw new IllegalArgumentException("--password is required");
            }
            if (a.password.length() < 8) {
                throw new IllegalArgumentException("--password must be at least 8 characters");
            }
            return a;
        }

        private static int intInRange(String flag, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be an integer in [" + min + ", " + max + "]: " + value);
            }
        }
    }
}
