using TenantGuard.Harness.Tests.Audit;

namespace TenantGuard.Testing.Tests;

/// <summary>A migrations folder with a tenantguard.json, written to a temporary directory and deleted on dispose: the
/// correct orders schema, or the same table without row-level security. The xunit v2 and v3 test projects both
/// compile this file.</summary>
internal sealed class IsolationFolder : IDisposable
{
    private const string Sql = "001_orders.sql";
    private const string Config = "tenantguard.json";

    private IsolationFolder(string sql, string config)
    {
        Path = Directory.CreateTempSubdirectory("tenantguard-testing-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Path, Sql), sql);
        File.WriteAllText(System.IO.Path.Combine(Path, Config), config);
    }

    public string Path { get; }

    public string MigrationFile => System.IO.Path.Combine(Path, Sql);

    /// <summary>Tenants isolated; <paramref name="config"/> is the whole tenantguard.json.</summary>
    public static IsolationFolder Isolated(string config = """{ "appRole": "app_user" }""") => new(Schemas.CorrectOrders, config);

    /// <summary>The orders table with row-level security never enabled: TG1001, and every attack gets through.</summary>
    public static IsolationFolder WithoutRls() =>
        new(Schemas.CorrectOrders.Replace("ALTER TABLE orders ENABLE ROW LEVEL SECURITY;", "", StringComparison.Ordinal)
                                 .Replace("ALTER TABLE orders FORCE ROW LEVEL SECURITY;", "", StringComparison.Ordinal),
            """{ "appRole": "app_user" }""");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
