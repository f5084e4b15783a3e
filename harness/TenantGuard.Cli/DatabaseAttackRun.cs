using System.Diagnostics;
using System.Globalization;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Cli;

/// <summary>The database attacks (TG2000–TG2009) against a fresh copy of a migrated template.</summary>
internal static class DatabaseAttackRun
{
    /// <summary>Starts a server of its own, migrates and attacks (verify).</summary>
    public static async Task<Report> ExecuteAsync(string migrations, DatabaseArguments database, AttackArguments attacks,
        IReadOnlyList<Waiver> waivers, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var environment = await database.CreateEnvironment(migrations, progress).StartAsync(cancellationToken);
        var report = await AttackAsync(environment, attacks, waivers, progress, cancellationToken);
        var facts = new Dictionary<string, string>(report.Facts) { ["totalMs"] = Milliseconds(clock.Elapsed) };
        progress.Report($"Done in {Milliseconds(clock.Elapsed)} ms; cleaning up…");
        return new Report(report.Findings, report.Waived, report.UnmatchedWaivers, facts, report.Rules);
    }

    /// <summary>Attacks a copy of an environment's template, so a check run shares the server and migrations with its audit.</summary>
    public static async Task<Report> AttackAsync(TenantIsolationEnvironment environment, AttackArguments attacks,
        IReadOnlyList<Waiver> waivers, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var report = await environment.AttackAsync(attacks.ToVerifyOptions(waivers, progress), cancellationToken);
        var facts = new Dictionary<string, string>(report.Facts)
        {
            ["server"] = $"{environment.Server.Kind} PostgreSQL {environment.Server.ServerVersion}",
            ["migrations"] = $"{environment.Template.MigrationFiles} file(s)",
            ["startMs"] = Milliseconds(environment.Timings.Start),
            ["migrateMs"] = Milliseconds(environment.Timings.Migrate),
        };
        return new Report(report.Findings, report.Waived, report.UnmatchedWaivers, facts, report.Rules);
    }

    private static string Milliseconds(TimeSpan span) => ((int)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
