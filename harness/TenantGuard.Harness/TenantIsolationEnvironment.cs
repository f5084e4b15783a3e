using System.Diagnostics;
using System.Globalization;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness;

/// <summary>
/// A PostgreSQL server with your migrations applied once to a template: what a test fixture holds. Hand each test its
/// own database (<see cref="CreateDatabaseAsync"/>), audit a fresh one (<see cref="AuditAsync"/>), or fail a test
/// with the readable report (<see cref="AssertIsolatedAsync"/>). Disposing it drops the template and stops the server.
/// </summary>
public sealed class TenantIsolationEnvironment : IAsyncDisposable
{
    internal sealed record AuditSettings(IReadOnlyList<Waiver> Waivers, IReadOnlyList<string> TenantTables);

    /// <summary>How long the server took to start and the migrations to apply (reported as startMs and migrateMs).</summary>
    public sealed record StartTimings(TimeSpan Start, TimeSpan Migrate);

    private readonly AuditSettings _audit;
    private readonly MigrationLocator _locator;
    private readonly IProgress<string>? _progress;

    internal TenantIsolationEnvironment(PostgresServer server, TenantDatabaseTemplate template, AuditSettings audit,
        StartTimings timings, MigrationLocator locator, TenantGuardConfig config, IProgress<string>? progress)
    {
        Server = server;
        Template = template;
        Timings = timings;
        Config = config;
        _audit = audit;
        _locator = locator;
        _progress = progress;
    }

    public PostgresServer Server { get; }

    public StartTimings Timings { get; }

    /// <summary>The waivers every part of a run applies: tenantguard.json's and WithWaivers'.</summary>
    public IReadOnlyList<Waiver> Waivers => _audit.Waivers;

    /// <summary>The tenantguard.json the run read (<see cref="TenantGuardConfig.Empty"/> when there was none).</summary>
    public TenantGuardConfig Config { get; }

    /// <summary>The migrated template; its <c>AppRole</c>, <c>TenantColumn</c> and <c>TenantSetting</c> say what was used.</summary>
    public TenantDatabaseTemplate Template { get; }

    /// <summary>A database of its own, copied from the template (milliseconds); dispose it to drop it.</summary>
    public Task<TenantDatabase> CreateDatabaseAsync(CancellationToken ct = default) => Template.CreateDatabaseAsync(ct);

    /// <summary>Audits a fresh copy of the migrated database (rules TG1001–TG1022), with tenantguard.json's waivers;
    /// each finding's Location names the migration line that creates its object.</summary>
    /// <param name="rules">Only these rule IDs; all when none are given.</param>
    public async Task<Report> AuditAsync(IReadOnlyList<string>? rules = null, CancellationToken ct = default)
    {
        await using var database = await CreateDatabaseAsync(ct).ConfigureAwait(false);
        var report = await IsolationAudit.RunAsync(database, new AuditOptions
        {
            Waivers = _audit.Waivers,
            TenantTables = _audit.TenantTables,
            Rules = rules ?? [],
            Progress = _progress,
            Facts = RunFacts(),
        }, ct).ConfigureAwait(false);
        return _locator.Annotate(report);
    }

    /// <summary>Attacks a fresh copy of the migrated database as the app role (rules TG2000–TG2009), every attack with
    /// its positive control, seeded with tenantguard.json's seed SQL unless the options name one; each finding's
    /// Location names the migration line that creates its table.</summary>
    public async Task<Report> AttackAsync(VerifyOptions options, CancellationToken ct = default)
    {
        await using var database = await CreateDatabaseAsync(ct).ConfigureAwait(false);
        var seeded = options with { SeedSqlFile = options.SeedSqlFile ?? Config.SeedSql };
        var report = await IsolationAttack.RunAsync(database, seeded, ct).ConfigureAwait(false);
        var facts = new Dictionary<string, string>(report.Facts);
        foreach (var (key, value) in RunFacts())
            facts[key] = value;
        return _locator.Annotate(new Report(report.Findings, report.Waived, report.UnmatchedWaivers, facts, report.Rules));
    }

    /// <summary>What <c>tenantguard check</c> runs: the audit and the database attacks, each on its own copy of the
    /// template, as one report. Both use the environment's waivers (tenantguard.json's and WithWaivers') besides any
    /// <paramref name="attacks"/> names.</summary>
    public async Task<Report> CheckAsync(VerifyOptions? attacks = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        attacks ??= new VerifyOptions { Progress = _progress };
        var audit = await AuditAsync(ct: ct).ConfigureAwait(false);
        var attacked = await AttackAsync(attacks with { Waivers = [.. _audit.Waivers.Concat(attacks.Waivers).Distinct()] }, ct).ConfigureAwait(false);
        return ReportMerge.AuditAndAttacks(audit, attacked, Timings.Start + Timings.Migrate + clock.Elapsed);
    }

    private Dictionary<string, string> RunFacts() => new()
    {
        ["server"] = $"{Server.Kind} PostgreSQL {Server.ServerVersion}",
        ["migrations"] = $"{Template.MigrationFiles} file(s)",
        ["startMs"] = Milliseconds(Timings.Start),
        ["migrateMs"] = Milliseconds(Timings.Migrate),
    };

    /// <summary>Audits and throws <see cref="TenantIsolationException"/> (whose message is the text report, findings
    /// grouped by table with their fixes) unless the audit is clean: no findings and no stale waivers.</summary>
    public async Task<Report> AssertIsolatedAsync(CancellationToken ct = default)
    {
        var report = await AuditAsync(ct: ct).ConfigureAwait(false);
        return report.ExitCode == 0 ? report : throw new TenantIsolationException(report);
    }

    private static string Milliseconds(TimeSpan span) => ((int)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Template.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
