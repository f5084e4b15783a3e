using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Harness.Tests.Seeds;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Tests.Attacks;

/// <summary>The seeds' own SQL, migrated and attacked: verify must seed schemas it has never seen and find what
/// really leaks in them.</summary>
[Collection("postgres")]
public sealed class SeedVerifyTests(PostgresServerFixture fixture)
{
    private async Task<Report> VerifySeedAsync(string seed, Action<TenantDatabaseBuilder>? configure = null)
    {
        var folder = SeedFolders.Path(seed);
        await using var template = await fixture.BuildTemplateAsync(folder, configure);
        await using var database = await template.CreateDatabaseAsync();
        var waivers = await WaiverFile.LoadForMigrationsAsync(folder);
        return await IsolationAttack.RunAsync(database, new VerifyOptions { Waivers = waivers });
    }

    [Fact]
    public async Task Seed_001_eceee_app_owns_its_tables_and_reads_everything()
    {
        var report = await VerifySeedAsync("001-django-cms", b => b.WithAppRole("eceee_app"));

        Assert.Equal("0", report.Facts["tablesNotSeeded"]);
        Assert.Contains(report.Findings, f => f.Rule == AttackRules.CrossTenantRead);
    }

    [Fact]
    public async Task Seed_002_set_tenant_context_function_leaks_across_transactions()
    {
        var report = await VerifySeedAsync("002-ai-platform");

        var leak = report.Findings.First(f => f.Rule == AttackRules.ContextLeakedAcrossConnections);
        // Named the same in every run (a waiver and a code-scanning fingerprint match it); the evidence has the real call.
        Assert.Equal("SELECT public.set_tenant_context(<tenant>) via Npgsql pool", leak.Object);
        Assert.Contains($"SELECT public.set_tenant_context('{report.Facts["syntheticTenants"].Split(", ")[0]}'::uuid);", leak.Evidence);
    }

    [Fact]
    public async Task Seed_003_without_row_level_security_leaks_every_table()
    {
        var report = await VerifySeedAsync("003-lead-generation");

        var tables = report.Findings.Where(f => f.Rule == AttackRules.CrossTenantRead).Select(f => f.Object).ToHashSet();
        Assert.Equal(int.Parse(report.Facts["tablesAttacked"], System.Globalization.CultureInfo.InvariantCulture), tables.Count);
        Assert.True(report.Facts.ContainsKey("tenantSettingNote"));
    }

    [Fact]
    public async Task Seed_004_embeddings_table_is_isolated()
    {
        var report = await VerifySeedAsync("004-chatbot-widget");

        Assert.Empty(report.Findings);
        Assert.Equal("1", report.Facts["tablesAttacked"]);
    }
}
