using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Tests.Seeds;

/// <summary>The SQL from the seeds' write-ups, migrated and audited. docs/audit.md shows these findings.</summary>
[Collection("postgres")]
public sealed class SeedAuditTests(PostgresServerFixture fixture)
{
    private async Task<Report> AuditSeedAsync(string seed, Action<TenantDatabaseBuilder>? configure = null)
    {
        var folder = SeedFolders.Path(seed);
        await using var template = await fixture.BuildTemplateAsync(folder, configure);
        await using var database = await template.CreateDatabaseAsync();
        var waivers = await WaiverFile.LoadForMigrationsAsync(folder);
        return await IsolationAudit.RunAsync(database, new AuditOptions { Waivers = waivers });
    }

    private static string[] Rules(Report report) => report.Findings.Select(f => f.Rule).Distinct().Order().ToArray();

    private static string[] Objects(Report report, string rule) => report.Findings.Where(f => f.Rule == rule).Select(f => f.Object).Order().ToArray();

    [Fact]
    public async Task Seed_000_event_booking_as_the_client_role()
    {
        var report = await AuditSeedAsync("000-event-booking", b => b.WithAppRole("anon").WithTenantColumn("team_id").WithMigrationsAsSuperuser());

        Assert.Equal("app.team_id", report.Facts["tenantSetting"]);
        Assert.Equal(["TG1006", "TG1011", "TG1013", "TG1014"], Rules(report));
        Assert.Equal(8, report.Of("TG1006").Count);
        Assert.Equal(8, report.Of("TG1011").Count);
        Assert.Equal(["public.clients_email_key"], Objects(report, "TG1014"));
        Assert.Equal(7, report.Of("TG1013").Count);
    }

    [Fact]
    public async Task Seed_000_event_booking_as_the_backends_service_role()
    {
        var report = await AuditSeedAsync("000-event-booking", b => b.WithAppRole("service_role").WithTenantColumn("team_id").WithMigrationsAsSuperuser());

        var bypass = Assert.Single(report.Of("TG1004"));
        Assert.Equal("service_role", bypass.Object);
        // Its own USING (true) policies open every table too.
        Assert.Equal(8, report.Of("TG1003").Count);
    }

    [Fact]
    public async Task Seed_001_django_cms_app_role_owns_its_tables()
    {
        var report = await AuditSeedAsync("001-django-cms", b => b.WithAppRole("eceee_app"));

        Assert.Equal(7, report.Of("TG1002").Count);
        Assert.Equal(7, report.Of("TG1005").Count);
        Assert.Equal(["public.file_manager_mediafile_file_hash_key", "public.webpages_pagetheme_name_key"], Objects(report, "TG1014"));
        Assert.Equal(["public.webpages_webpage_tags"], Objects(report, "TG1015"));
        Assert.Contains(report.Of("TG1013"), f => f.Object.StartsWith("webpages_webpage_theme_id_fkey", StringComparison.Ordinal));
        Assert.Empty(report.Of("TG1003"));
    }

    [Fact]
    public async Task Seed_002_ai_platform_sharing_is_reported_and_waivable()
    {
        var report = await AuditSeedAsync("002-ai-platform");

        Assert.Equal("app.tenant_id", report.Facts["tenantSetting"]);
        Assert.Equal(["public.agents", "public.tools"], report.Waived.Select(w => w.Finding.Object).Distinct().Order().ToArray());
        Assert.Empty(report.UnmatchedWaivers);
        var sharing = report.Of("TG1003");
        Assert.Equal(["public.prompts", "public.rag_knowledge_sources", "public.workflows"], sharing.Select(f => f.Object).Distinct().Order().ToArray());
        Assert.All(sharing, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Equal(5, report.Of("TG1006").Count);
        Assert.Equal(["public.is_platform_admin()"], Objects(report, "TG1019"));
        Assert.Equal(["public.agents_display_name_key"], Objects(report, "TG1014"));
        Assert.Empty(report.Of("TG1001"));
    }

    [Fact]
    public async Task Seed_003_lead_generation_has_no_rls_at_all()
    {
        var report = await AuditSeedAsync("003-lead-generation");

        Assert.Equal(7, report.Of("TG1001").Count);
        Assert.Equal(4, report.Of("TG1013").Count);
        Assert.All(report.Of("TG1001"), f => Assert.Contains("tenant_id = nullif(current_setting('app.current_tenant', true), '')", f.Fix));
    }

    [Fact]
    public async Task Seed_004_chatbot_widget_policy_casts_the_tenant_column()
    {
        var report = await AuditSeedAsync("004-chatbot-widget");

        Assert.Equal("app.current_tenant", report.Facts["tenantSetting"]);
        Assert.Equal(["TG1007", "TG1008"], Rules(report));
        var cast = Assert.Single(report.Of("TG1008"));
        Assert.Contains("Seq Scan on embeddings", cast.Evidence);
    }
}
