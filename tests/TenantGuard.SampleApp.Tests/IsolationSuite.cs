using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;
using TenantGuard.SampleApp.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TenantGuard.SampleApp.Tests;

/// <summary>
/// The CI isolation suite: the audit, the database attacks and the HTTP attacks against the sample app, each a test
/// that fails with the findings (rule, object, evidence) when tenant isolation breaks. Each part is spelt out here so it
/// fails on its own; in your own project one class through TenantGuard.Testing does all of it (docs/ci-isolation-suite.md).
/// </summary>
[Collection("sample-app")]
public sealed class IsolationSuite(SampleDatabaseFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Audit_finds_nothing()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        var waivers = await WaiverFile.LoadForMigrationsAsync(SampleDatabaseFixture.MigrationsFolder);
        var report = await IsolationAudit.RunAsync(database, new AuditOptions { Waivers = waivers });
        AssertClean(report);
    }

    [Fact]
    public async Task Database_attacks_find_nothing()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        var waivers = await WaiverFile.LoadForMigrationsAsync(SampleDatabaseFixture.MigrationsFolder);
        var report = await IsolationAttack.RunAsync(database, new VerifyOptions { Waivers = waivers });
        AssertClean(report);
    }

    [Fact]
    public async Task Http_attacks_find_nothing()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var app = await RunningSampleApp.StartAsync(database);
        var report = await HttpIsolationAttack.RunAsync(RunningSampleApp.AttackConfig, app.BaseUrl, []);
        AssertClean(report);
    }

    [Fact]
    public async Task Http_attacks_through_hand_written_endpoints_find_nothing()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var app = await RunningSampleApp.StartAsync(database);
        var report = await HttpIsolationAttack.RunAsync(RunningSampleApp.HandWrittenAttackConfig, app.BaseUrl, []);
        AssertClean(report);
    }

    private void AssertClean(Report report)
    {
        output.WriteLine(new TextReportFormatter(colour: false).Format(report));
        // The exception's message lists the findings, the waived findings and the stale waivers: a stale waiver alone
        // fails with it too, never with an empty message.
        if (report.ExitCode != 0)
            throw new TenantIsolationException(report);
    }
}
