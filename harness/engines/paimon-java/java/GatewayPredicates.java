import java.util.ArrayList;
import java.util.List;
import org.apache.paimon.predicate.Predicate;
import org.apache.paimon.predicate.PredicateBuilder;
import org.apache.paimon.shade.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.paimon.types.DataType;
import org.apache.paimon.types.RowType;

/**
 * The harness's portable filter (a read step's `where`, in negation normal form: no NOT above a
 * leaf) as Paimon's Java predicate, with literals converted as inserted values are
 * (GatewayValues.toPaimon). What PredicateBuilder cannot express is an Unsupported error, never a
 * weaker filter: the gateway asks the reader for exact filtering (TableRead.executeFilter).
 */
final class GatewayPredicates {
    private GatewayPredicates() {}

    static Predicate build(RowType rowType, JsonNode node) {
        PredicateBuilder b = new PredicateBuilder(rowType);
        return build(b, rowType, node);
    }

    private static Predicate build(PredicateBuilder b, RowType rowType, JsonNode node) {
        String op = node.path("op").asText();
        if ("and".equals(op) || "or".equals(op)) {
            List<Predicate> parts = new ArrayList<>();
            for (JsonNode arg : node.path("args")) parts.add(build(b, rowType, arg));
            return "and".equals(op) ? PredicateBuilder.and(parts) : PredicateBuilder.or(parts);
        }
        String column = node.path("column").asText();
        int index = rowType.getFieldIndex(column);
        if (index < 0) throw new IllegalArgumentException("the filter names column " + column + ", which the table does not have");
        DataType type = rowType.getTypeAt(index);
        switch (op) {
            case "=": return b.equal(index, literal(node.get("value"), type));
            case "<>": return b.notEqual(index, literal(node.get("value"), type));
            case "<": return b.lessThan(index, literal(node.get("value"), type));
            case "<=": return b.lessOrEqual(index, literal(node.get("value"), type));
            case ">": return b.greaterThan(index, literal(node.get("value"), type));
            case ">=": return b.greaterOrEqual(index, literal(node.get("value"), type));
            case "is-null": return b.isNull(index);
            case "is-not-null": return b.isNotNull(index);
            case "in": return b.in(index, literals(node.path("values"), type));
            case "not-in": return b.notIn(index, literals(node.path("values"), type));
            case "between": return b.between(index, literal(node.get("low"), type), literal(node.get("high"), type));
            // PredicateBuilder has no NOT BETWEEN: x < low OR x > high is the same under three-valued logic.
            case "not-between": return PredicateBuilder.or(b.lessThan(index, literal(node.get("low"), type)), b.greaterThan(index, literal(node.get("high"), type)));
            case "starts-with": return b.startsWith(index, literal(node.get("prefix"), type));
            case "not-starts-with":
                return b.startsWith(index, literal(node.get("prefix"), type)).negate()
                        .orElseThrow(() -> new JavaGateway.Unsupported("Paimon's Java predicates cannot negate startsWith (NOT LIKE 'prefix%')"));
            default: throw new JavaGateway.Unsupported("unknown predicate " + op);
        }
    }

    private static Object literal(JsonNode v, DataType type) {
        return GatewayValues.toPaimon(v, type);
    }

    private static List<Object> literals(JsonNode values, DataType type) {
        List<Object> out = new ArrayList<>();
        for (JsonNode v : values) out.add(literal(v, type));
        return out;
    }
}
