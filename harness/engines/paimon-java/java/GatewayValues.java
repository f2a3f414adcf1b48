import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.Decimal;
import org.apache.paimon.data.GenericArray;
import org.apache.paimon.data.GenericMap;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.Timestamp;
import org.apache.paimon.data.variant.GenericVariant;
import org.apache.paimon.data.variant.Variant;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.node.TextNode;
import org.apache.paimon.types.ArrayType;
import org.apache.paimon.types.DataType;
import org.apache.paimon.types.DataTypeJsonParser;
import org.apache.paimon.types.DecimalType;
import org.apache.paimon.types.MapType;
import org.apache.paimon.types.RowType;

/**
 * The scenario's types and values as Paimon's: SQL type strings (nested ARRAY, MAP and ROW
 * included; Paimon's own parser takes atomic types only) and JSON values as Paimon's internal
 * data (GenericArray, GenericMap, GenericRow for nested values).
 */
final class GatewayValues {
    private GatewayValues() {}

    /** A SQL type string such as `MAP<INT, ROW<a STRING, b ARRAY<DECIMAL(20,2)>>> NOT NULL`. */
    static DataType parseType(String sql) {
        String s = sql.trim();
        boolean notNull = false;
        String upper = s.toUpperCase();
        int open = s.indexOf('<');
        if (open < 0) return DataTypeJsonParser.parseAtomicTypeSQLString(s);
        if (upper.matches("(?s).*>\\s*NOT\\s+NULL$")) {
            notNull = true;
            s = s.substring(0, upper.lastIndexOf("NOT")).trim();
        }
        if (!s.endsWith(">")) throw new IllegalArgumentException("invalid type " + sql);
        String head = s.substring(0, open).trim().toUpperCase();
        List<String> parts = splitTopLevel(s.substring(open + 1, s.length() - 1));
        DataType out;
        switch (head) {
            case "ARRAY":
                if (parts.size() != 1) throw new IllegalArgumentException("invalid type " + sql);
                out = new ArrayType(parseType(parts.get(0)));
                break;
            case "MAP":
                if (parts.size() != 2) throw new IllegalArgumentException("invalid type " + sql);
                out = new MapType(parseType(parts.get(0)), parseType(parts.get(1)));
                break;
            case "ROW": {
                RowType.Builder row = RowType.builder();
                for (String field : parts) {
                    String f = field.trim();
                    String name;
                    String rest;
                    if (f.startsWith("`")) {
                        int end = f.indexOf('`', 1);
                        name = f.substring(1, end);
                        rest = f.substring(end + 1);
                    } else {
                        int space = f.indexOf(' ');
                        if (space < 0) throw new IllegalArgumentException("invalid ROW field '" + f + "' in " + sql);
                        name = f.substring(0, space);
                        rest = f.substring(space + 1);
                    }
                    row.field(name, parseType(rest));
                }
                out = row.build();
                break;
            }
            default:
                throw new IllegalArgumentException("invalid type " + sql);
        }
        return notNull ? out.copy(false) : out;
    }

    /** Splits at commas outside <> and (). */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(') depth++;
            else if (c == '>' || c == ')') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** A JSON value from a scenario as Paimon's internal data for `type`. */
    static Object toPaimon(JsonNode v, DataType type) {
        if (v == null || v.isNull()) return null;
        switch (type.getTypeRoot()) {
            // Strict: the harness checks values first; a value that still does not fit is an error, never a cast.
            case BOOLEAN: if (!v.isBoolean()) throw new IllegalArgumentException("invalid BOOLEAN value " + v); return v.asBoolean();
            case TINYINT: return new BigDecimal(v.asText()).byteValueExact();
            case SMALLINT: return new BigDecimal(v.asText()).shortValueExact();
            case INTEGER: return new BigDecimal(v.asText()).intValueExact();
            case BIGINT: return new BigDecimal(v.asText()).longValueExact();
            case FLOAT: return (float) v.asDouble();
            case DOUBLE: return v.asDouble();
            case DECIMAL: {
                DecimalType d = (DecimalType) type;
                return Decimal.fromBigDecimal(new BigDecimal(v.asText()), d.getPrecision(), d.getScale());
            }
            case CHAR:
            case VARCHAR: return BinaryString.fromString(v.asText());
            case DATE: return (int) LocalDate.parse(v.asText()).toEpochDay();
            // Paimon's internal TIME value is the millisecond of the day (an int), whatever TIME(p) says.
            case TIME_WITHOUT_TIME_ZONE: return (int) (LocalTime.parse(v.asText()).toNanoOfDay() / 1_000_000L);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return Timestamp.fromLocalDateTime(LocalDateTime.parse(v.asText().replace(' ', 'T')));
            case BINARY:
            case VARBINARY: return hexToBytes(v.asText());
            case ARRAY: {
                if (!v.isArray()) throw new IllegalArgumentException("invalid ARRAY value " + v);
                DataType element = ((ArrayType) type).getElementType();
                Object[] out = new Object[v.size()];
                for (int i = 0; i < out.length; i++) out[i] = toPaimon(v.get(i), element);
                return new GenericArray(out);
            }
            case MAP: {
                // A JSON object (keys are text, parsed as the key type) or a list of [key, value] pairs.
                MapType m = (MapType) type;
                Map<Object, Object> out = new LinkedHashMap<>();
                if (v.isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        out.put(toPaimon(TextNode.valueOf(e.getKey()), m.getKeyType()), toPaimon(e.getValue(), m.getValueType()));
                    }
                } else if (v.isArray()) {
                    for (JsonNode pair : v) out.put(toPaimon(pair.get(0), m.getKeyType()), toPaimon(pair.get(1), m.getValueType()));
                } else {
                    throw new IllegalArgumentException("invalid MAP value " + v);
                }
                return new GenericMap(out);
            }
            case ROW: {
                // A JSON object by field name, or a list by position.
                RowType r = (RowType) type;
                GenericRow out = new GenericRow(r.getFieldCount());
                for (int i = 0; i < r.getFieldCount(); i++) {
                    JsonNode f = v.isObject() ? v.get(r.getFields().get(i).name()) : v.isArray() ? v.get(i) : null;
                    if (!v.isObject() && !v.isArray()) throw new IllegalArgumentException("invalid ROW value " + v);
                    out.setField(i, toPaimon(f, r.getTypeAt(i)));
                }
                return out;
            }
            default: return newerType(v, type);
        }
    }

    /**
     * Types of newer releases, by name so the gateway compiles against every release: VARIANT
     * (1.1+) from its JSON text, BLOB (1.4+) from hex bytes.
     */
    private static Object newerType(JsonNode v, DataType type) {
        switch (type.getTypeRoot().name()) {
            case "VARIANT": return GenericVariant.fromJson(v.isTextual() ? v.asText() : v.toString());
            case "BLOB":
                try {
                    return Class.forName("org.apache.paimon.data.Blob").getMethod("fromData", byte[].class).invoke(null, (Object) hexToBytes(v.asText()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot build a BLOB value", e);
                }
            default: throw new JavaGateway.Unsupported("insert of " + type.asSQLString() + " values is not supported by the gateway");
        }
    }

    /** A value of a newer type as wire JSON: a VARIANT as its JSON text, a BLOB's bytes as hex. */
    static String newerTypeText(Object v, DataType type) {
        switch (type.getTypeRoot().name()) {
            case "VARIANT": return ((Variant) v).toJson();
            case "BLOB":
                try {
                    byte[] bytes = (byte[]) Class.forName("org.apache.paimon.data.Blob").getMethod("toData").invoke(v);
                    StringBuilder sb = new StringBuilder("0x");
                    for (byte b : bytes) sb.append(String.format("%02x", b));
                    return sb.toString();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read a BLOB value", e);
                }
            default: return v.toString();
        }
    }

    private static byte[] hexToBytes(String s) {
        String hex = s.startsWith("0x") ? s.substring(2) : s;
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return out;
    }
}
