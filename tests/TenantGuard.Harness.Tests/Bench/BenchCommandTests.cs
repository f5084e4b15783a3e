using System.Text.Json;
using TenantGuard.Harness.Tests.Cli;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Bench;

/// <summary>`tenantguard bench` in-process against the shared server (--connection), at small sizes: these check what
/// the command finds and says, never how fast it is (docs/bench.md has the measurements).</summary>
[Collection("postgres")]
public sealed class BenchCommandTests(PostgresServerFixture fixture) : IDisposable
{
    private const string CorrectPolicy = "tenant_id = current_setting('app.tenant_id')::uuid";
    private const string NonSargablePolicy = "tenant_id::text = current_setting('app.tenant_id')";

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("tenantguard-bench-");

    public void Dispose() => _output.Delete(recursive: true);

    private static string Orders(string policy) => $"""
        CREATE TABLE orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant_id uuid NOT NULL,
            number text NOT NULL,
            amount numeric NOT NULL CHECK (amount > 0),
            UNIQUE (tenant_id, number)
        );
        CREATE INDEX orders_tenant_idx ON orders (tenant_id, id);
        ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
        ALTER TABLE orders FORCE ROW LEVEL SECURITY;
        CREATE POLICY orders_tenant ON orders USING ({policy}) WITH CHECK ({policy});
        GRANT SELECT, INSERT, UPDATE ON orders TO app_user;
        """;

    private string File(string name) => Path.Combine(_output.FullName, name);

    private Task<CliResult> BenchAsync(string migrations, params string[] extra) =>
        CliRun.RunAsync(["bench", "--migrations", migrations, "--connection", fixture.Server.AdminConnectionString, .. extra]);

    private Task<CliResult> BenchOrdersAsync(string policy, params string[] extra)
    {
        using var folder = MigrationsFolder.Create(("001_orders.sql", Orders(policy)));
        // Enough rows that a scan of every tenant's rows costs more than the request around it.
        return BenchAsync(folder.Path, ["--rows", "60000", "--tenants", "100", .. extra]);
    }

    [Fact]
    public async Task The_sample_app_benches_end_to_end_with_a_query_of_its_own_and_a_chart()
    {
        var queries = File("queries.sql");
        await System.IO.File.WriteAllTextAsync(queries, """
            -- name: open-tasks
            SELECT id, title FROM tasks WHERE tenant_id = :tenant AND NOT done ORDER BY due_on LIMIT 20;
            """);

        var result = await BenchAsync(RepositoryFolder.Find("sample-app/TenantGuard.SampleApp/migrations"),
            "--rows", "400", "--tenants", "10", "--rounds", "3", "--queries", queries,
            "--format", "json", "--output", File("results.json"), "--chart", File("chart.png"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(File("results.json")));
        var tables = json.RootElement.GetProperty("data").GetProperty("tables").EnumerateArray().ToList();
        Assert.All(tables, t => Assert.False(t.TryGetProperty("problem", out var problem), $"{t.GetProperty("table")}: {problem}"));
        Assert.Contains(tables, t => t.GetProperty("table").GetString() == "public.events" && t.GetProperty("rows").GetInt64() == 400);
        var keys = json.RootElement.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("key").GetString()).ToList();
        Assert.Contains("events/point-lookup", keys);
        Assert.Contains("tasks/join-events", keys);
        Assert.Contains("documents/insert", keys);
        Assert.Contains("query/open-tasks", keys);
        Assert.True(new FileInfo(File("chart.png")).Length > 10_000, "the chart should be a real PNG");
    }

    [Fact]
    public async Task A_non_sargable_policy_shows_a_high_ratio_on_the_page_and_is_named_as_the_cause()
    {
        var result = await BenchOrdersAsync(NonSargablePolicy, "--format", "json", "--output", File("results.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(File("results.json")));
        var page = json.RootElement.GetProperty("queries").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "orders/tenant-page");
        var ratio = page.GetProperty("ratio");
        Assert.True(ratio.GetProperty("low").GetDouble() >= 1.5, $"the page through a cast policy should cost well over its baseline: {ratio}");
        var cause = Assert.Single(page.GetProperty("causes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "cast-on-tenant-column");
        Assert.Equal("TG1008", cause.GetProperty("rule").GetString());
        Assert.Equal("orders_tenant", cause.GetProperty("policy").GetString());
        Assert.EndsWith("docs/rules/TG1008.md", cause.GetProperty("page").GetString());
        Assert.Contains("(tenant_id)::text", page.GetProperty("rlsPlan").GetString());
    }

    [Fact]
    public async Task A_baseline_from_the_correct_schema_passes_it_and_fails_the_non_sargable_variant_naming_query_and_policy()
    {
        var baseline = File("baseline.json");
        var taken = await BenchOrdersAsync(CorrectPolicy, "--format", "json", "--output", baseline);
        Assert.True(taken.ExitCode == 0, taken.ToString());

        var same = await BenchOrdersAsync(CorrectPolicy, "--baseline", baseline);
        var broken = await BenchOrdersAsync(NonSargablePolicy, "--baseline", baseline, "--format", "markdown");

        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Contains("PASSED", same.Stdout);
        Assert.True(broken.ExitCode == 1, broken.ToString());
        // Both scans of every tenant's rows regress; on a loaded machine one of them may stay inside a noisy baseline's spread.
        Assert.True(broken.Stdout.Contains("`orders/tenant-page` regressed") || broken.Stdout.Contains("`orders/tenant-aggregate` regressed"),
            broken.Stdout);
        Assert.Contains("orders_tenant: USING (((tenant_id)::text = current_setting('app.tenant_id'::text)))", broken.Stdout);
        Assert.Contains("policies were [orders_tenant: USING ((tenant_id = (current_setting('app.tenant_id'::text))::uuid))]", broken.Stdout);
    }

    [Fact]
    public async Task A_broken_queries_file_is_exit_2_with_one_line_naming_file_and_line_before_any_server_starts()
    {
        var queries = File("queries.sql");
        await System.IO.File.WriteAllTextAsync(queries, "-- name: open-tasks\nSELECT id FROM tasks WHERE NOT done\n");

        var result = await CliRun.RunAsync(["bench", "--migrations", _output.FullName, "--queries", queries]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {queries}:1: query 'open-tasks' never uses :tenant; name the tenant (e.g. WHERE tenant_id = :tenant) so the " +
                     "baseline without RLS reads the same rows.", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("--rows", "0", "--rows 0: must be between 1")]
    [InlineData("--skew", "1", "--skew 1: must be at least 0 and below 1")]
    [InlineData("--format", "sarif", "--format sarif: unknown format")]
    public async Task Out_of_range_options_are_usage_errors(string option, string value, string expected)
    {
        var result = await CliRun.RunAsync(["bench", "--migrations", _output.FullName, option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }
}
