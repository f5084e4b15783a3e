using System.Diagnostics;
using System.Globalization;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Cli;

/// <summary>The database attacks (TG2000–TG2009) of <c>verify</c>: a server of its own, migrated, then attacked.</summary>
internal static class DatabaseAttackRun
{
    public static async Task<Report> ExecuteAsync(string migrations, DatabaseArguments database, AttackArguments attacks,
        IReadOnlyList<Waiver> waivers, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var environment = await database.CreateEnvironment(migrations, progress).StartAsync(cancellationToken);
        var report = await environment.AttackAsync(attacks.ToVerifyOptions(waivers, progress), cancellationToken);
        var total = ((int)clock.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var facts = new Dictionary<string, string>(report.Facts) { ["totalMs"] = total };
        progress.Report($"Done in {total} ms; cleaning up…");
        return new Report(report.Findings, report.Waived, report.UnmatchedWaivers, facts, report.Rules);
    }
}
