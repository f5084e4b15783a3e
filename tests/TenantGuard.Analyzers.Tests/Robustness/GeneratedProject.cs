using System.Globalization;
using System.Text;

namespace TenantGuard.Analyzers.Tests.Robustness;

/// <summary>
/// A large synthetic project: repositories and services over Dapper, Npgsql and EF Core with clean and violating SQL,
/// odd C# constructs, malformed SQL, broken migrations and broken configuration values. Deterministic for a given size.
/// </summary>
internal static class GeneratedProject
{
    private static readonly string[] s_sqlShapes =
    {
        "SELECT * FROM orders WHERE tenant_id = @tenantId AND id = @id",
        "SELECT * FROM orders",
        "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.tenant_id = @tenantId",
        "WITH x AS (SELECT * FROM orders) SELECT * FROM x WHERE x.tenant_id = @tenantId",
        "UPDATE orders SET total = 0 WHERE id = @id OR tenant_id = @tenantId",
        "DELETE FROM customers USING orders WHERE customers.id = orders.customer_id",
        "INSERT INTO orders (id, total) VALUES (@id, 0)",
        "INSERT INTO orders SELECT * FROM orders",
        "SET app.current_tenant = @tenantId",
        "SELECT set_config('app.current_tenant', @tenantId, false)",
        "SET LOCAL app.current_tenant = $1",
        "SELECT FROM WHERE ((( ",
        "SELECT 'unterminated",
        "SELECT $tag$ never closed",
        "/* nested /* comment */ still open",
        "SELECT * FROM \"unterminated",
        "SELECT E'\\'' FROM orders; SELECT :x::int FROM customers WHERE tenant_id = :tenantId",
        "",
        ";;;",
        "SELECT * FROM orders WHERE tenant_id = ANY(@ids) UNION SELECT * FROM orders WHERE NOT (tenant_id = @t)",
        "SELECT (SELECT count(*) FROM customers c WHERE c.tenant_id = o.tenant_id) FROM orders o WHERE o.tenant_id = $1",
        "SELECT * FROM orders WHERE tenant_id IN (@a) AND x = (SELECT 1 FROM orders WHERE tenant_id = tenant_id)",
        "VALUES (1), (2)",
        "SELECT \u00e9t\u00e9 FROM orders WHERE tenant_id = @t -- \u2603",
    };

    private static readonly string[] s_bodies =
    {
        "public Task<IEnumerable<dynamic>> M{0}(Guid tenantId, Guid id) => connection.QueryAsync({1}, new {{ tenantId, id }});",
        "public int M{0}() => connection.Execute({1});",
        "public IEnumerable<dynamic> M{0}(Guid id) => SqlMapper.Query(connection, sql: {1}, param: new {{ id }});",
        "public async Task<object?> M{0}(NpgsqlConnection c) {{ await using var cmd = new NpgsqlCommand({1}, c); return await cmd.ExecuteScalarAsync(); }}",
        "public object? M{0}(NpgsqlConnection c, Guid tenantId) {{ using var cmd = c.CreateCommand(); cmd.CommandText = {1}; return cmd.ExecuteScalar(); }}",
        "public IQueryable<Order> M{0}(ShopContext db) => db.Orders.FromSqlRaw({1});",
        "public int M{0}(ShopContext db, Guid tenantId) => db.Database.ExecuteSqlRaw({1});",
        "public string M{0}(string? tenantId) => tenantId ?? \"fallback-{0}\";",
        "public int M{0}(Guid tenantId) {{ var sql = {1}; sql += \" \"; return connection.Execute(sql); }}",
        "public int M{0}(Guid tenantId) {{ const string a = {1}; var b = a + a; return connection.Execute(b); }}",
        "public Func<int> M{0}() => () => connection.Execute({1});",
        "public int M{0}(Guid tenantId) => connection.Execute(Sql{0});",
        "public int M{0}(Guid tenantId) => connection.Execute(string.Concat({1}, Missing{0}));",
        "public int M{0}(Guid tenantId) => connection.Execute(sql: null!);",
        "public int M{0}(Guid tenantId) => connection.Execute($\"{{{1}}} {{tenantId}}\");",
    };

    public static IEnumerable<(string Path, string Text)> Sources(int files)
    {
        yield return ("Model.cs", """
            using System;
            using Microsoft.EntityFrameworkCore;
            public sealed class Order { public Guid Id { get; set; } public Guid TenantId { get; set; } }
            public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            """);

        for (var file = 0; file < files; file++)
        {
            yield return ("Generated/File" + file.ToString(CultureInfo.InvariantCulture) + ".cs", File(file));
        }
    }

    public static IEnumerable<(string Path, string Text)> Migrations()
    {
        yield return ("db/migrations/001_init.sql", """
            CREATE TABLE tenants (id uuid PRIMARY KEY);
            CREATE TABLE orders (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, customer_id uuid, total numeric);
            CREATE TABLE customers (id uuid PRIMARY KEY, name text);
            ALTER TABLE ONLY customers ADD COLUMN IF NOT EXISTS tenant_id uuid;
            """);
        yield return ("db/migrations/002_broken.sql", "CREATE TABLE broken (id uuid, tenant_id uuid;\nSELECT 'never closed");
        yield return ("db/migrations/003_dollar.sql", "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 $x$ ");
        yield return ("db/migrations/004_empty.sql", string.Empty);
        yield return ("db/migrations/005_garbage.sql", "\u0000\u0001 CREATE TABLE ((( \"\"\" ;; ALTER TABLE ADD COLUMN");
    }

    /// <summary>Per-file .editorconfig values: most files clean, some with every kind of bad value.</summary>
    public static IReadOnlyDictionary<string, string> OptionsFor(string path)
    {
        var hash = StableHash(path);
        return (hash % 7) switch
        {
            0 => new Dictionary<string, string>
            {
                ["tenantguard.tenant_column"] = "tenant id; DROP",
                ["tenantguard.tenant_tables"] = "a.b.c.d, ,\"",
                ["tenantguard.global_tables"] = "\"\"",
                ["tenantguard.tenant_parameter_names"] = ",,,",
                ["tenantguard.tenant_accessor_types"] = "I-Tenant",
                ["tenantguard.data_access_types"] = "9Bad",
                ["tenantguard.exempt_test_projects"] = "perhaps",
            },
            1 => new Dictionary<string, string> { ["tenantguard.tenant_column"] = "team_id", ["tenantguard.global_tables"] = "orders" },
            2 => new Dictionary<string, string> { ["tenantguard.tenant_tables"] = "", ["tenantguard.data_access_types"] = "Service" + hash },
            _ => new Dictionary<string, string>(),
        };
    }

    private static string File(int file)
    {
        var builder = new StringBuilder();
        builder.AppendLine("using System; using System.Collections.Generic; using System.Data; using System.Linq; using System.Threading.Tasks;");
        builder.AppendLine("using Dapper; using Npgsql; using Microsoft.EntityFrameworkCore;");
        builder.Append("namespace Generated").Append(file % 10).AppendLine(";");
        var kind = (file % 5) switch { 0 => "Repository", 1 => "Store", 2 => "Service", 3 => "Dao", _ => "Queries" };
        var partial = file % 11 == 0 ? "partial " : string.Empty;
        var record = file % 13 == 0;
        builder.Append("public sealed ").Append(partial).Append(record ? "record " : "class ")
            .Append("Type").Append(file).Append(kind).AppendLine("(IDbConnection connection)");
        builder.AppendLine("{");
        builder.Append("    private const string DEFAULT_TENANT_ID = \"tenant-").Append(file).AppendLine("\";");
        builder.Append("    private static readonly string Sql").Append(file).Append(" = ").Append(Literal(s_sqlShapes[file % s_sqlShapes.Length], file)).AppendLine(";");
        for (var method = 0; method < 6; method++)
        {
            var index = file * 6 + method;
            var sql = Literal(s_sqlShapes[(index * 7 + file) % s_sqlShapes.Length], index);
            var body = s_bodies[(index * 3 + method) % s_bodies.Length];
            builder.Append("    ").AppendLine(string.Format(CultureInfo.InvariantCulture, body, file.ToString(CultureInfo.InvariantCulture) + "_" + method.ToString(CultureInfo.InvariantCulture), sql));
        }

        if (file % 17 == 0)
        {
            builder.AppendLine("    public int Broken( => connection.Execute(\"SELECT * FROM orders\"");
        }

        if (file % 19 == 0)
        {
            builder.AppendLine("    [CrossTenant(\"generated\")] public int Admin() => connection.Execute(\"DELETE FROM orders\");");
        }

        builder.AppendLine("}");
        if (file % 19 == 0)
        {
            builder.AppendLine("public sealed class CrossTenantAttribute(string reason) : Attribute { public string Reason => reason; }");
        }

        if (file % 23 == 0)
        {
            builder.AppendLine("public static class Cycle { public const string A = B + \"x\"; public const string B = A + \"y\"; }");
        }

        return builder.ToString();
    }

    /// <summary>The SQL as a C# literal of a shape chosen by <paramref name="seed"/>: regular, verbatim, raw, interpolated or concatenated.</summary>
    private static string Literal(string sql, int seed)
    {
        var escaped = sql.Replace("\\", "\\\\").Replace("\"", "\\\"");
        switch (seed % 5)
        {
            case 0:
                return "\"" + escaped + "\"";
            case 1:
                return "@\"" + sql.Replace("\"", "\"\"") + "\"";
            case 2:
                return sql.Contains("\"\"\"", StringComparison.Ordinal) || sql.EndsWith('"')
                    ? "\"" + escaped + "\""
                    : "\"\"\"\"" + sql + "\"\"\"\"";
            case 3:
                return "$\"" + escaped.Replace("{", "{{").Replace("}", "}}") + " {seed}\"".Replace("seed", "Guid.NewGuid()");
            default:
                var half = escaped.Length / 2;
                if (half > 0 && escaped[half - 1] == '\\')
                {
                    half--;
                }

                return "\"" + escaped.Substring(0, half) + "\" + \"" + escaped.Substring(half) + "\"";
        }
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = hash * 31 + c;
            }

            return hash & 0x7fffffff;
        }
    }
}
