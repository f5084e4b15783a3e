namespace TenantGuard.Benchmarks.Rls;

/// <summary>The SQL files under Rls/Sql, with their {placeholders} filled in.</summary>
internal static class RlsSqlTemplates
{
    public const string TenantSetting = "app.tenant_id";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Rls", "Sql");

    public static string ModeSchema(RlsMode mode)
    {
        var sql = Fill("mode-schema.sql", ("schema", mode.Schema()));
        return PolicyPredicate(mode) is { } predicate
            ? sql + Environment.NewLine + Fill("mode-policy.sql", ("schema", mode.Schema()), ("predicate", predicate))
            : sql;
    }

    /// <summary>The policy expression of a mode; null for the baseline, which has no RLS.</summary>
    public static string? PolicyPredicate(RlsMode mode) => mode switch
    {
        RlsMode.ExplicitFilter => null,
        RlsMode.RlsPolicy or RlsMode.RlsPolicyAndFilter => $"tenant_id = current_setting('{TenantSetting}')::integer",
        RlsMode.NonSargablePolicy => $"tenant_id::text = current_setting('{TenantSetting}')",
        RlsMode.FunctionPerRowPolicy => $"tenant_id = {mode.Schema()}.current_tenant_id()",
        RlsMode.WrappedFunctionPolicy => $"tenant_id = (SELECT {mode.Schema()}.current_tenant_id())",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string LoadData(long rows) =>
        Fill("load-data.sql", ("rows", rows.ToString()), ("customers", Math.Max(rows / 10, 1).ToString()));

    public static string CopyData(RlsMode mode) => Fill("copy-data.sql", ("schema", mode.Schema()));

    public static string Indexes(RlsMode mode, string appRole) =>
        Fill("mode-indexes.sql", ("schema", mode.Schema()), ("app_role", QuoteIdentifier(appRole)));

    public static string SampleTenants() => Fill("sample-tenants.sql");

    private static string Fill(string file, params (string Name, string Value)[] values)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing from the build output; rebuild the benchmarks project.", path);
        }

        var sql = File.ReadAllText(path);
        foreach (var (name, value) in values)
        {
            sql = sql.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return sql;
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
