using Npgsql;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;
using TenantGuard.SampleApp.Tenancy;
using TenantGuard.SampleApp.Tests.Infrastructure;

namespace TenantGuard.SampleApp.Tests.Variants;

/// <summary>Runs the whole isolation suite (audit, database attacks, HTTP attacks when the app is broken) on a variant.</summary>
public static class VariantRunner
{
    public static async Task<(VariantResult Result, IReadOnlyList<Report> Reports)> RunAsync(SampleDatabaseFixture fixture, IsolationVariant variant)
    {
        await using var database = await fixture.CreateDatabaseAsync(
            variant.BreakSql is null ? null : variant.Name, variant.BreakSql, variant.AppRole, variant.MigrateAsSuperuser);
        var waivers = await WaiverFile.LoadForMigrationsAsync(SampleDatabaseFixture.MigrationsFolder);
        var reports = new List<Report>
        {
            await IsolationAudit.RunAsync(database, new AuditOptions { Waivers = waivers }),
            await IsolationAttack.RunAsync(database, new VerifyOptions
            {
                Waivers = waivers,
                ContextApplier = variant.AppScope is null ? null : new AppScopeApplier(variant.AppScope()),
            }),
        };

        if (variant.BreakApp is not null)
        {
            await using var app = await RunningSampleApp.StartAsync(database, variant.BreakApp);
            reports.Add(await HttpIsolationAttack.RunAsync(RunningSampleApp.AttackConfig, app.BaseUrl, waivers));
        }

        var rules = reports.SelectMany(r => r.Findings).Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
        return (new VariantResult(variant, rules), reports);
    }

    /// <summary>The app's own tenant binding, as the pool and concurrency checks call it.</summary>
    private sealed class AppScopeApplier(ITenantConnectionScope scope) : ITenantContextApplier
    {
        public string Description => $"{scope.GetType().Name}.ApplyAsync(<tenant>)";

        public Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenant, CancellationToken ct) =>
            scope.ApplyAsync(connection, transaction, Guid.Parse(tenant), ct);
    }
}
