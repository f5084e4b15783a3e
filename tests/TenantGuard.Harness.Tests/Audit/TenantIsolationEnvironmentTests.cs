using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Harness.Tests.Seeds;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>The library's one-class API fails a test with the readable report, and refuses a wrong configuration.</summary>
public sealed class TenantIsolationEnvironmentTests
{
    [Fact]
    public async Task A_leaky_schema_fails_with_the_findings_grouped_by_table_and_their_fixes()
    {
        await using var environment = await new TenantIsolationEnvironmentBuilder()
            .WithMigrations(SeedFolders.Path("004-chatbot-widget"))
            .StartAsync();

        var error = await Assert.ThrowsAsync<TenantIsolationException>(() => environment.AssertIsolatedAsync());

        Assert.StartsWith("The database does not isolate tenants: 2 finding(s)", error.Message);
        Assert.Contains("public.embeddings\n", error.Message);
        Assert.Contains("TG1008", error.Message);
        Assert.Contains("fix: CREATE INDEX ON public.embeddings (tenant_id);", error.Message);
        Assert.DoesNotContain("\u001b[", error.Message);
        Assert.Equal(["TG1007", "TG1008"], error.Report.Findings.Select(f => f.Rule).Order());
        // Each finding points at the migration line that creates its object: the table, the policy.
        Assert.Equal(["001_embeddings.sql:7", "001_embeddings.sql:20"],
            error.Report.Findings.OrderBy(f => f.Rule).Select(f => Path.GetFileName(f.Location!)));
    }

    [Fact]
    public async Task Attack_findings_point_at_the_table_and_truncate_findings_at_the_grant()
    {
        using var migrations = MigrationsFolder.Create(
            ("001_tables.sql", "CREATE TABLE notes (\n  id serial PRIMARY KEY,\n  tenant_id uuid NOT NULL\n);\nCREATE INDEX ON notes (tenant_id);"),
            ("002_grants.sql", "-- the app role\nGRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON notes TO tg_env_app;"));
        await using var environment = await new TenantIsolationEnvironmentBuilder().WithMigrations(migrations.Path).StartAsync();

        var attacks = await environment.AttackAsync(new Harness.Attacks.VerifyOptions { UsePgBouncer = false });
        var audit = await environment.AuditAsync();

        Assert.NotEmpty(attacks.Findings);
        Assert.All(attacks.Findings.Where(f => f.Table is not null), f => Assert.EndsWith("001_tables.sql:1", f.Location));
        Assert.EndsWith("002_grants.sql:2", Assert.Single(audit.Findings, f => f.Rule == "TG1011").Location);
        Assert.EndsWith("001_tables.sql:1", Assert.Single(audit.Findings, f => f.Rule == "TG1001").Location);
    }

    [Fact]
    public async Task A_named_app_role_the_migrations_never_grant_to_is_refused()
    {
        using var migrations = MigrationsFolder.Create(("001_schema.sql",
            "CREATE ROLE tg_env_real_app;\n" + Schemas.CorrectOrders.Replace("app_user", "tg_env_real_app", StringComparison.Ordinal)));
        await using var environment = await new TenantIsolationEnvironmentBuilder()
            .WithMigrations(migrations.Path)
            .WithAppRole("tg_env_typo_app")
            .StartAsync();

        var error = await Assert.ThrowsAsync<HarnessException>(() => environment.AuditAsync());

        Assert.Contains("tg_env_typo_app holds no privilege", error.Message);
        Assert.Contains("--app-role", error.Message);
    }

    [Fact]
    public async Task A_tenant_column_no_table_has_is_refused_naming_the_likely_one()
    {
        await using var environment = await new TenantIsolationEnvironmentBuilder()
            .WithMigrations(SeedFolders.Path("003-lead-generation"))
            .WithTenantColumn("team_id")
            .StartAsync();

        var error = await Assert.ThrowsAsync<HarnessException>(() => environment.AuditAsync());

        Assert.Contains("No table has a column named team_id", error.Message);
        Assert.Contains("tenant_id (7 table(s))", error.Message);
    }

    [Fact]
    public async Task A_config_file_elsewhere_names_the_migrations_and_its_settings_apply_unless_the_builder_says_otherwise()
    {
        using var root = new TemporaryDirectory();
        var config = Path.Combine(root.Path, "tenantguard.json");
        var migrations = Path.GetRelativePath(root.Path, SeedFolders.Path("003-lead-generation"));
        await File.WriteAllTextAsync(config, $$"""{ "migrations": "{{migrations}}", "tenantColumn": "team_id" }""");

        await using (var fromFile = await new TenantIsolationEnvironmentBuilder().WithConfigFile(config).StartAsync())
        {
            var error = await Assert.ThrowsAsync<HarnessException>(() => fromFile.AuditAsync());
            Assert.Contains("No table has a column named team_id", error.Message);
            Assert.Equal(config, fromFile.Config.Path);
        }

        await using var overridden = await new TenantIsolationEnvironmentBuilder().WithConfigFile(config).WithTenantColumn("tenant_id").StartAsync();
        Assert.Equal("tenant_id", overridden.Template.TenantColumn);
    }

    [Fact]
    public async Task Attack_waivers_in_the_shared_waiver_file_are_not_stale_for_the_audit()
    {
        using var migrations = MigrationsFolder.Create(
            ("001_schema.sql", Schemas.CorrectOrders),
            ("tenantguard.json", """
                {"waivers":[
                  {"rule":"TG2001","object":"public.orders","reason":"Checked by the attacks, not the audit."},
                  {"rule":"TG1099","object":"public.orders","reason":"No such rule: still stale."}
                ]}
                """));
        await using var environment = await new TenantIsolationEnvironmentBuilder()
            .WithMigrations(migrations.Path)
            .StartAsync();

        var report = await environment.AuditAsync();

        Assert.Empty(report.Findings);
        Assert.Equal(["TG1099"], report.UnmatchedWaivers.Select(w => w.Rule));
    }
}
