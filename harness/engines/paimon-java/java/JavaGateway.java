/*
 * Paimon's Java implementation (the library Spark, Flink and Doris embed) behind the
 * paimon-interop gateway protocol; see ../gateway_server.py for the wire format. It runs the
 * portable actions through the Java Table API against the REST catalog: create-table, insert,
 * read (system tables included, e.g. t$snapshots), read-incremental ('incremental-between'),
 * list-snapshots, alter-table (set options), drop-table. It has no SQL.
 *
 * Configuration (with secrets) comes in PAIMON_INTEROP_GATEWAY_CONFIG; nothing secret is printed.
 * Exits when stdin closes, so it never outlives the harness.
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.CatalogContext;
import org.apache.paimon.catalog.CatalogFactory;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.Decimal;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.InternalArray;
import org.apache.paimon.data.InternalMap;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.data.Timestamp;
import org.apache.paimon.disk.IOManager;
import org.apache.paimon.options.Options;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.schema.Schema;
import org.apache.paimon.schema.SchemaChange;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.paimon.table.Table;
import org.apache.paimon.table.sink.BatchTableCommit;
import org.apache.paimon.table.sink.BatchTableWrite;
import org.apache.paimon.table.sink.BatchWriteBuilder;
import org.apache.paimon.table.source.ReadBuilder;
import org.apache.paimon.table.source.TableRead;
import org.apache.paimon.types.ArrayType;
import org.apache.paimon.types.DataField;
import org.apache.paimon.types.DataType;
import org.apache.paimon.types.MapType;
import org.apache.paimon.types.RowType;

public class JavaGateway {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long SAFE_INT = 1L << 53;
    private static final Map<String, Catalog> CATALOGS = new java.util.concurrent.ConcurrentHashMap<>();
    private static JsonNode config;

    static final class Unsupported extends RuntimeException {
        Unsupported(String m) {
            super(m);
        }
    }

    public static void main(String[] args) throws Exception {
        config = JSON.readTree(System.getenv("PAIMON_INTEROP_GATEWAY_CONFIG"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // A thread per request: /ping answers while a request hangs inside Paimon (the harness then
        // reports a timeout, not a dead engine). The harness sends one /execute at a time.
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gateway-request");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/ping", ex -> reply(ex, "{\"ok\":true,\"engine\":\"paimon-java\",\"version\":\"" + paimonVersion() + "\"}"));
        server.createContext("/shutdown", ex -> {
            reply(ex, "{\"ok\":true}");
            System.exit(0);
        });
        server.createContext("/execute", JavaGateway::execute);
        server.start();
        System.out.println("PAIMON_INTEROP_READY gateway=http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // serve until the harness closes our stdin
        }
        System.exit(0);
    }

    private static String paimonVersion() {
        String v = Catalog.class.getPackage().getImplementationVersion();
        return v == null ? config.path("version").asText("unknown") : v;
    }

    private static void execute(HttpExchange ex) throws java.io.IOException {
        long started = System.nanoTime();
        ObjectNode out = NODES.objectNode();
        try {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            JsonNode req = body.path("request");
            // The step's session zone is the process's while it runs (the harness sends one step at a time).
            TimeZone.setDefault(TimeZone.getTimeZone(body.path("timeZone").asText("UTC")));
            Catalog catalog = body.hasNonNull("warehouse") ? filesystemCatalog(body.get("warehouse").asText()) : catalogFor(body.path("credentials"), body.path("catalogOptions"));
            String kind = req.path("kind").asText();
            if ("sql".equals(kind)) throw new Unsupported("paimon-java has no SQL; use a portable action");
            String database = body.path("database").asText();
            Identifier id = Identifier.create(database, req.path("table").asText(""));
            out.put("statement", "paimon-java " + kind + " " + (req.has("table") ? id.getFullName() : database));
            switch (kind) {
                case "create-database": {
                    Map<String, String> props = new HashMap<>();
                    req.path("options").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
                    catalog.createDatabase(req.path("name").asText(), false, props);
                    out.put("statement", "paimon-java create-database " + req.path("name").asText());
                    break;
                }
                case "create-table": createTable(catalog, id, req); break;
                case "insert": insert(catalog.getTable(id), req.path("rows"), req.path("columns")); break;
                case "read": read(catalog.getTable(id), req, out); break;
                case "read-incremental": readIncremental(catalog.getTable(id), req, out); break;
                case "list-snapshots": listSnapshots(catalog, id, out); break;
                case "list-tables": listTables(catalog, database, out); break;
                case "alter-table": catalog.alterTable(id, schemaChanges(req.path("change")), false); break;
                case "drop-table": catalog.dropTable(id, false); break;
                default: throw new Unsupported("unknown request kind " + kind);
            }
            out.put("ok", true);
            if (!out.has("columns")) {
                out.putArray("columns");
                out.putArray("rows");
            }
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            System.err.println(trace);
            out.removeAll();
            out.put("ok", false);
            Throwable shown = t;
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c.getClass().getName().contains("paimon")) shown = c;
            }
            Throwable root = shown;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String message = String.valueOf(shown.getMessage());
            // The root cause says why (a file a filter cannot read, say) where the wrappers only say where.
            if (root != shown && root.getMessage() != null && !message.contains(root.getMessage())) {
                message += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
            }
            ObjectNode err = out.putObject("error");
            err.put("exception", shown.getClass().getName());
            err.put("message", message);
        }
        out.put("engine_ms", (System.nanoTime() - started) / 1e6);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        reply(ex, JSON.writeValueAsString(out));
    }

    /** The portable alter-table change as Paimon's schema changes (one, or one per option). */
    private static List<SchemaChange> schemaChanges(JsonNode change) {
        List<SchemaChange> changes = new ArrayList<>();
        String column = change.path("column").asText();
        switch (change.path("kind").asText()) {
            case "set-options":
                change.path("options").fields().forEachRemaining(e -> changes.add(SchemaChange.setOption(e.getKey(), e.getValue().asText())));
                break;
            case "add-column":
                changes.add(SchemaChange.addColumn(column, GatewayValues.parseType(change.path("type").asText()), null, move(change)));
                break;
            case "drop-column": changes.add(SchemaChange.dropColumn(column)); break;
            case "rename-column": changes.add(SchemaChange.renameColumn(column, change.path("to").asText())); break;
            case "change-type": changes.add(SchemaChange.updateColumnType(column, GatewayValues.parseType(change.path("type").asText()))); break;
            case "move-column": changes.add(SchemaChange.updateColumnPosition(move(change))); break;
            default: throw new Unsupported("unknown alter-table change " + change.path("kind").asText());
        }
        return changes;
    }

    /** Where a change puts its column: first, after another, or (null) where it is or at the end. */
    private static SchemaChange.Move move(JsonNode change) {
        String column = change.path("column").asText();
        if (change.path("first").asBoolean(false)) return SchemaChange.Move.first(column);
        if (change.hasNonNull("after")) return SchemaChange.Move.after(column, change.get("after").asText());
        return null;
    }

    /** A filesystem catalog (metastore filesystem) on a warehouse path: the tables without the REST catalog. */
    private static Catalog filesystemCatalog(String warehouse) {
        Map<String, String> options = new HashMap<>();
        options.put("warehouse", warehouse);
        options.put("cache-enabled", "false");
        return CATALOGS.computeIfAbsent("filesystem:" + warehouse, k -> CatalogFactory.createCatalog(CatalogContext.create(Options.fromMap(options))));
    }

    /** The environment's catalog, or a principal's, with a scenario's catalog options (its own address among them) on top. */
    private static Catalog catalogFor(JsonNode credentials, JsonNode scenarioOptions) {
        Map<String, String> options = new HashMap<>();
        config.path("catalog").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        if (credentials.isObject()) {
            for (String k : new String[] {"token", "dlf.access-key-id", "dlf.access-key-secret", "dlf.region"}) options.remove(k);
            if (credentials.hasNonNull("uri")) options.put("uri", credentials.get("uri").asText());
        }
        if (credentials.hasNonNull("token")) {
            options.put("token.provider", "bear");
            options.put("token", credentials.get("token").asText());
        } else if (credentials.hasNonNull("access_key_id")) {
            options.put("token.provider", "dlf");
            options.put("dlf.access-key-id", credentials.get("access_key_id").asText());
            options.put("dlf.access-key-secret", credentials.path("access_key_secret").asText());
            options.put("dlf.region", credentials.path("region").asText("cn-hangzhou"));
        }
        // One gateway serves every scenario while other engines change tables: a cached catalog
        // would keep serving a schema another engine has since altered.
        options.putIfAbsent("cache-enabled", "false");
        scenarioOptions.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        String key = new java.util.TreeMap<>(options).toString();
        return CATALOGS.computeIfAbsent(key, k -> CatalogFactory.createCatalog(CatalogContext.create(Options.fromMap(options))));
    }

    private static void createTable(Catalog catalog, Identifier id, JsonNode req) throws Exception {
        Schema.Builder schema = Schema.newBuilder();
        for (JsonNode col : req.path("columns")) {
            schema.column(col.get(0).asText(), GatewayValues.parseType(col.get(1).asText()));
        }
        List<String> pk = strings(req.path("primaryKey"));
        if (!pk.isEmpty()) schema.primaryKey(pk);
        List<String> parts = strings(req.path("partitionKeys"));
        if (!parts.isEmpty()) schema.partitionKeys(parts);
        req.path("options").fields().forEachRemaining(e -> schema.option(e.getKey(), e.getValue().asText()));
        catalog.createTable(id, schema.build(), false);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void insert(Table table, JsonNode rows, JsonNode columns) throws Exception {
        List<DataField> fields = table.rowType().getFields();
        List<String> names = columns.isArray() && columns.size() > 0 ? strings(columns) : table.rowType().getFieldNames();
        for (String n : names) {
            if (!table.rowType().getFieldNames().contains(n)) throw new IllegalArgumentException("invalid insert: table " + table.name() + " has no column " + n);
        }
        BatchWriteBuilder builder = table.newBatchWriteBuilder();
        // Merge engines that look up existing rows (first-row, changelog lookup) spill to local disk.
        try (IOManager io = IOManager.create(System.getProperty("java.io.tmpdir"));
                BatchTableWrite write = builder.newWrite();
                BatchTableCommit commit = builder.newCommit()) {
            write.withIOManager(io);
            for (JsonNode row : rows) {
                GenericRow out = new GenericRow(fields.size());
                for (int i = 0; i < fields.size(); i++) {
                    int idx = names.indexOf(fields.get(i).name());
                    out.setField(i, idx < 0 ? null : GatewayValues.toPaimon(row.get(idx), fields.get(i).type()));
                }
                write.write(out);
            }
            commit.commit(write.prepareCommit());
        }
    }

    private static void read(Table table, JsonNode req, ObjectNode out) throws Exception {
        Map<String, String> scan = new HashMap<>();
        req.path("options").fields().forEachRemaining(e -> scan.put(e.getKey(), e.getValue().asText()));
        // Scan options (time travel: scan.snapshot-id, scan.tag-name, ...) as dynamic table options.
        if (!scan.isEmpty()) table = table.copy(scan);
        RowType rowType = table.rowType();
        ReadBuilder builder = table.newReadBuilder();
        List<String> wanted = strings(req.path("columns"));
        if (!wanted.isEmpty()) {
            int[] projection = wanted.stream().mapToInt(rowType::getFieldIndex).toArray();
            builder = builder.withProjection(projection);
            rowType = rowType.project(wanted);
        }
        // The portable filter, with exact filtering asked of the reader: a row it returns that the
        // filter rejects is a deviation, as is a row it loses. The limit is a hint (the harness cuts).
        boolean filtered = req.hasNonNull("where");
        if (filtered) builder = builder.withFilter(GatewayPredicates.build(table.rowType(), req.get("where")));
        if (req.hasNonNull("limit")) builder = builder.withLimit(req.get("limit").asInt());
        // Rows as read: ordering is the harness's, on canonical values (one definition for all engines).
        emit(out, rowType, readRows(builder, rowType, filtered));
    }

    private static void readIncremental(Table table, JsonNode req, ObjectNode out) throws Exception {
        Map<String, String> dynamic = new HashMap<>();
        dynamic.put("incremental-between", req.path("start").asLong() + "," + req.path("end").asLong());
        read(table.copy(dynamic), req, out);
    }

    private static void listSnapshots(Catalog catalog, Identifier id, ObjectNode out) throws Exception {
        Table snapshots = catalog.getTable(Identifier.create(id.getDatabaseName(), id.getObjectName() + "$snapshots"));
        ObjectNode req = NODES.objectNode();
        ArrayNode cols = req.putArray("columns");
        for (String c : new String[] {"snapshot_id", "commit_kind", "total_record_count", "delta_record_count"}) cols.add(c);
        read(snapshots, req, out);
    }

    private static void listTables(Catalog catalog, String database, ObjectNode out) throws Exception {
        List<String> names = catalog.listTables(database);
        out.putArray("columns").addObject().put("name", "table_name").put("type", "STRING");
        ArrayNode rows = out.putArray("rows");
        for (String n : names) rows.addArray().add(n);
    }

    private static List<List<JsonNode>> readRows(ReadBuilder builder, RowType rowType, boolean exactFilter) throws Exception {
        List<List<JsonNode>> rows = new ArrayList<>();
        List<InternalRow.FieldGetter> getters = new ArrayList<>();
        for (int i = 0; i < rowType.getFieldCount(); i++) getters.add(InternalRow.createFieldGetter(rowType.getTypeAt(i), i));
        TableRead read = exactFilter ? builder.newRead().executeFilter() : builder.newRead();
        try (RecordReader<InternalRow> reader = read.createReader(builder.newScan().plan())) {
            Iterator<InternalRow> it = reader.toCloseableIterator();
            while (it.hasNext()) {
                InternalRow r = it.next();
                List<JsonNode> row = new ArrayList<>();
                for (int i = 0; i < getters.size(); i++) row.add(toJson(getters.get(i).getFieldOrNull(r), rowType.getTypeAt(i)));
                rows.add(row);
            }
        }
        return rows;
    }

    private static void emit(ObjectNode out, RowType rowType, List<List<JsonNode>> rows) {
        ArrayNode columns = out.putArray("columns");
        for (DataField f : rowType.getFields()) columns.addObject().put("name", f.name()).put("type", f.type().asSQLString());
        ArrayNode data = out.putArray("rows");
        for (List<JsonNode> r : rows) data.addArray().addAll(r);
    }

    /** Paimon internal data as wire JSON: exact decimals, all nine fractional digits of timestamps. */
    private static JsonNode toJson(Object v, DataType type) {
        if (v == null) return NODES.nullNode();
        switch (type.getTypeRoot()) {
            case BOOLEAN: return NODES.booleanNode((Boolean) v);
            case TINYINT:
            case SMALLINT:
            case INTEGER: return NODES.numberNode(((Number) v).intValue());
            case BIGINT: {
                long l = (Long) v;
                // Math.abs(Long.MIN_VALUE) is negative: compare both bounds.
                return l > -SAFE_INT && l < SAFE_INT ? NODES.numberNode(l) : NODES.textNode(Long.toString(l));
            }
            case FLOAT:
            case DOUBLE: {
                double d = ((Number) v).doubleValue();
                return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            }
            case DECIMAL: return NODES.textNode(((Decimal) v).toBigDecimal().toPlainString());
            case DATE: return NODES.textNode(LocalDate.ofEpochDay((Integer) v).toString());
            case TIME_WITHOUT_TIME_ZONE: {
                LocalTime t = LocalTime.ofNanoOfDay((Integer) v * 1_000_000L);
                return NODES.textNode(String.format("%02d:%02d:%02d.%03d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000));
            }
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                LocalDateTime t = ((Timestamp) v).toLocalDateTime();
                return NODES.textNode(t.format(SECONDS) + String.format(".%09d", t.getNano()));
            }
            case BINARY:
            case VARBINARY: {
                StringBuilder sb = new StringBuilder("0x");
                for (byte b : (byte[]) v) sb.append(String.format("%02x", b));
                return NODES.textNode(sb.toString());
            }
            case ARRAY: {
                DataType element = ((ArrayType) type).getElementType();
                InternalArray a = (InternalArray) v;
                InternalArray.ElementGetter g = InternalArray.createElementGetter(element);
                ArrayNode out = NODES.arrayNode();
                for (int i = 0; i < a.size(); i++) out.add(toJson(g.getElementOrNull(a, i), element));
                return out;
            }
            case MAP: {
                MapType m = (MapType) type;
                InternalMap map = (InternalMap) v;
                ArrayNode out = NODES.arrayNode();
                InternalArray.ElementGetter kg = InternalArray.createElementGetter(m.getKeyType());
                InternalArray.ElementGetter vg = InternalArray.createElementGetter(m.getValueType());
                for (int i = 0; i < map.size(); i++) {
                    out.addArray().add(toJson(kg.getElementOrNull(map.keyArray(), i), m.getKeyType())).add(toJson(vg.getElementOrNull(map.valueArray(), i), m.getValueType()));
                }
                return out;
            }
            case ROW: {
                RowType rt = (RowType) type;
                InternalRow r = (InternalRow) v;
                ObjectNode out = NODES.objectNode();
                for (int i = 0; i < rt.getFieldCount(); i++) out.set(rt.getFields().get(i).name(), toJson(InternalRow.createFieldGetter(rt.getTypeAt(i), i).getFieldOrNull(r), rt.getTypeAt(i)));
                return out;
            }
            default: return NODES.textNode(GatewayValues.newerTypeText(v, type));
        }
    }

    private static void reply(HttpExchange ex, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
