using TenantGuard.Harness;

namespace TenantGuard.Testing.Tests;

/// <summary>The packaged fixture, as a user's test class holds it: the sample app's migrations pass; a table without
/// row-level security and a waiver that matches nothing fail with messages that say what and where. The xunit v2 and
/// v3 test projects both compile this file, each against its own fixture package.</summary>
public sealed class TenantIsolationFixtureTests(SampleAppFixture sample) : IClassFixture<SampleAppFixture>
{
    [Fact]
    public async Task The_sample_apps_migrations_pass_the_audit_and_the_attacks_with_their_waivers()
    {
        var report = await sample.VerifyAsync();

        Assert.Empty(report.Findings);
        Assert.Contains(report.Rules, rule => rule.Id == "TG1001");
        Assert.Contains(report.Rules, rule => rule.Id == "TG2001");
        Assert.Equal(["public.resource_shares", "public.shared_resources"], report.Waived.Select(w => w.Waiver.Object).Distinct().Order());
        Assert.Equal("app_user", sample.Environment.Template.AppRole);
    }

    [Fact]
    public async Task A_table_without_row_level_security_fails_naming_the_rule_the_table_and_the_rules_page()
    {
        using var folder = IsolationFolder.WithoutRls();
        var fixture = new FolderFixture(folder.Path);
        await fixture.InitializeAsync();
        try
        {
            var error = await Assert.ThrowsAsync<TenantIsolationException>(() => fixture.VerifyAsync());

            Assert.StartsWith("The database does not isolate tenants:", error.Message);
            Assert.Contains("TG1001 public.orders", error.Message);
            Assert.Contains("https://github.com/tenantguard/tenantguard/blob/main/docs/rules/TG1001.md", error.Message);
            Assert.Contains(folder.MigrationFile, error.Message);
            // The attacks ran in the same assertion and proved it.
            Assert.Contains(error.Report.Findings, f => f.Rule == "TG2001" && f.Object == "public.orders");
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stale_waiver_alone_fails_with_a_message_naming_it()
    {
        using var folder = IsolationFolder.Isolated("""
            { "appRole": "app_user",
              "waivers": [ { "rule": "TG1003", "object": "public.invoices", "reason": "Invoices are shared." } ] }
            """);
        var fixture = new FolderFixture(folder.Path);
        await fixture.InitializeAsync();
        try
        {
            var error = await Assert.ThrowsAsync<TenantIsolationException>(() => fixture.VerifyAsync());

            Assert.Empty(error.Report.Findings);
            Assert.StartsWith("No finding, but 1 waiver(s) in tenantguard.json matched nothing", error.Message);
            Assert.Contains("TG1003 public.invoices: Invoices are shared.", error.Message);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}

/// <summary>The sample app's migrations and their tenantguard.json, found from the test's bin folder upward.</summary>
public sealed class SampleAppFixture() : TenantIsolationFixture(new TenantIsolationOptions { Path = "sample-app/TenantGuard.SampleApp/migrations" });
