using System.Globalization;
using TenantGuard.Harness.Attacks.Seeding;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Bench.Seeding;

/// <summary>
/// A SQL expression of the row number <c>g</c> for a column, the set-based twin of <see cref="ValueGenerator"/>: the
/// same choices per type (numbers from the row number so keys stay unique, text shaped as slugs and e-mails, the first
/// enum label), computed by the server for a whole generate_series at once instead of one literal per row.
/// </summary>
internal static class SeriesValues
{
    /// <summary>The expression, cast to the column's type; null when no expression is known for the type.</summary>
    /// <param name="checkValue">A value the table's CHECK constraints name for the column (see CheckConstraintValues).</param>
    /// <param name="unique">The column is part of a key, so a constant would repeat.</param>
    public static string? For(SeedColumn column, string g, string? checkValue, bool unique)
    {
        if (checkValue is not null)
        {
            var numeric = column.Category == 'N' && decimal.TryParse(checkValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            return numeric && unique
                ? $"({checkValue} + {g} - 1)::{column.SqlType}"
                : $"{SqlQuoting.QuoteLiteral(checkValue)}::{column.SqlType}";
        }

        if (column.EnumLabels.Count > 0)
            return $"{SqlQuoting.QuoteLiteral(column.EnumLabels[0])}::{column.SqlType}";

        var expression = column.BaseType switch
        {
            "int2" => $"({g} % 30000 + 1)",
            "int4" or "int8" or "numeric" or "float4" or "float8" or "oid" => g,
            "money" => $"{g}::numeric",
            "uuid" => "gen_random_uuid()",
            "bool" => $"({g} % 2 = 0)",
            "date" => $"(date '2026-01-01' + ({g} % 3000)::int)",
            "timestamp" or "timestamptz" => $"(timestamptz '2026-01-01 09:00:00+00' + ({g} % 1000000) * interval '1 minute')",
            "time" or "timetz" => "'12:00:00'",
            "interval" => "interval '1 hour'",
            "json" or "jsonb" => "'{}'",
            "bytea" => "'\\x00'::bytea",
            "inet" or "cidr" => $"('127.0.' || ({g} / 250 % 250) || '.' || ({g} % 250 + 1))",
            "text" or "varchar" or "bpchar" or "citext" or "name" => Text(column, g),
            _ when column.Category == 'A' => "'{}'",
            _ => null,
        };
        return expression is null ? null : $"{expression}::{column.SqlType}";
    }

    private static string Text(SeedColumn column, string g)
    {
        var stem = new string(column.Name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-');
        var text = column.Name.Contains("email", StringComparison.OrdinalIgnoreCase)
            ? $"('user' || {g} || '@bench.example')"
            : $"({SqlQuoting.QuoteLiteral((stem.Length == 0 ? "v" : stem) + "-")} || {g})";
        return column.MaxLength is { } max ? $"right({text}, {max.ToString(CultureInfo.InvariantCulture)})" : text;
    }
}
