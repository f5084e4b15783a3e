using System.Globalization;

namespace TenantGuard.Harness.Attacks.Seeding;

/// <summary>Makes a value of a column's type as text (cast in SQL), unique per call so unique constraints hold, and
/// shaped to pass the usual CHECK constraints (positive numbers, lowercase slugs, e-mail-looking text).</summary>
public sealed class ValueGenerator(int start = 0)
{
    private static readonly DateTime Epoch = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
    private int _counter = start;

    /// <summary>A value for the column, or null when no generator knows the type (the reason says which type).</summary>
    public string? Next(SeedColumn column, string tenantTag, out string? unsupportedReason)
    {
        unsupportedReason = null;
        var n = Interlocked.Increment(ref _counter);
        if (column.EnumLabels.Count > 0)
        {
            return column.EnumLabels[0];
        }

        switch (column.BaseType)
        {
            case "int2":
                return (n % 30000 + 1).ToString(CultureInfo.InvariantCulture);
            case "int4" or "int8" or "numeric" or "float4" or "float8" or "money" or "oid":
                return n.ToString(CultureInfo.InvariantCulture);
            case "uuid":
                return Guid.NewGuid().ToString();
            case "bool":
                return "false";
            case "date":
                return Epoch.AddDays(n % 3000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "timestamp" or "timestamptz":
                return Epoch.AddHours(n % 100_000).ToString("yyyy-MM-dd HH:mm:ss+00", CultureInfo.InvariantCulture);
            case "time" or "timetz":
                return "12:00:00";
            case "interval":
                return "1 hour";
            case "json" or "jsonb":
                return "{}";
            case "bytea":
                return "\\x00";
            case "inet" or "cidr":
                return "127.0.0." + (n % 250 + 1).ToString(CultureInfo.InvariantCulture);
            case "text" or "varchar" or "bpchar" or "citext" or "name":
                return Text(column, tenantTag, n);
        }

        if (column.Category == 'A')
        {
            return "{}";
        }

        unsupportedReason = $"column {column.Name} has type {column.SqlType}, which the seeder cannot generate";
        return null;
    }

    private static string Text(SeedColumn column, string tenantTag, int n)
    {
        var stem = new string(column.Name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-');
        var value = column.Name.Contains("email", StringComparison.OrdinalIgnoreCase)
            ? $"user{n}@{tenantTag}.example"
            : $"{(stem.Length == 0 ? "v" : stem)}-{tenantTag}-{n}";
        return column.MaxLength is { } max && value.Length > max ? value[^max..] : value;
    }
}
