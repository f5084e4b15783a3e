using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TenantGuard.Harness.Attacks.Plans;
using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Attacks;

/// <summary>
/// `tenantguard verify`: seeds synthetic tenants, then attacks every tenant table as the application role with tenant
/// A's context (read, update, delete, insert and move against tenant B), reads without a tenant, checks pooled
/// connections and concurrent workers. Every attack runs in a transaction that is rolled back.
/// </summary>
public static class IsolationAttack
{
    /// <summary>The setting attacks use when no policy reads one: the tables are then most likely without row-level
    /// security, and the attacks show what that exposes.</summary>
    public const string FallbackTenantSetting = Fixes.TenantPolicyFix.DefaultSetting;

    private const int Workers = 4;

    /// <summary>Tables a worker attacks together: enough to fill a round trip, few enough to share the work out.</summary>
    private const int TablesPerBatch = 8;

    public static async Task<Report> RunAsync(TenantDatabase database, VerifyOptions options, CancellationToken ct = default)
    {
        var target = new AttackTarget(database.AppConnectionString, database.AdminConnectionString, database.AppRole, database.TenantColumn,
            database.TenantSetting ?? FallbackTenantSetting, database.AppRoleOrigin, database.TenantLiterals);
        var report = await RunAsync(target, options, ct).ConfigureAwait(false);
        if (database.TenantSetting is not null)
        {
            return report;
        }

        var facts = new Dictionary<string, string>(report.Facts)
        {
            ["tenantSettingNote"] = $"no policy reads a tenant setting (current_setting('…')); the attacks set {FallbackTenantSetting}. Pass --tenant-setting if your policies read another one.",
        };
        return new Report(report.Findings, report.Waived, report.UnmatchedWaivers, facts, report.Rules);
    }

    public static async Task<Report> RunAsync(AttackTarget target, VerifyOptions options, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        SeedSchema schema;
        await using (var admin = new NpgsqlConnection(target.AdminConnectionString))
        {
            await admin.OpenAsync(ct).ConfigureAwait(false);
            schema = await SeedSchemaReader.ReadAsync(admin, target.AppRole, target.TenantColumn, target.TenantSetting, ct).ConfigureAwait(false);
        }

        RequireAppRoleReach(schema, target);
        options.Progress?.Report($"seeding {options.Tenants} synthetic tenants…");
        var seed = await new TenantSeeder(target, options).SeedAsync(schema, ct).ConfigureAwait(false);
        var seedTime = clock.Elapsed;
        var context = new AttackContext(target, options, seed);
        foreach (var unseeded in seed.Unseeded.Where(u => u.Table.Column(target.TenantColumn) is not null))
        {
            context.Findings.Add(AttackRules.TableNotSeeded, unseeded.Table.QualifiedName, unseeded.Table.QualifiedName,
                $"{unseeded.Table.QualifiedName} could not be seeded, so no attack ran against it: {unseeded.Reason}",
                $"Give the rows in a seed SQL file (--seed-sql FILE); it runs once per synthetic tenant, with {TenantSeeder.TenantPlaceholder} standing for the tenant.",
                unseeded.Reason);
        }

        options.Progress?.Report($"attacking {context.AttackableTables.Count()} tenant tables as {target.AppRole}…");
        string? unbatched;
        await using (var appPool = NpgsqlDataSource.Create(target.AppConnectionString))
        {
            unbatched = await AttackTablesAsync(context, appPool, ct).ConfigureAwait(false);
        }

        if (unbatched is not null)
            options.Progress?.Report($"probes went one round trip each: {unbatched}");

        ReportUnprovenTables(context);

        options.Progress?.Report("checking pooled connections and concurrent workers…");
        await PoolLeakCheck.RunAsync(context, ct).ConfigureAwait(false);
        await ConcurrencyLeakCheck.RunAsync(context, ct).ConfigureAwait(false);

        // The waiver file is shared with the audit: only waivers of rules this run can report can be unmatched here.
        var ownWaivers = options.Waivers.Where(w => AttackRules.Database.Any(r => string.Equals(r.Id, w.Rule, StringComparison.OrdinalIgnoreCase))).ToList();
        var (findings, waived, unmatched) = WaiverMatcher.Apply(Ordered(context.Findings.Findings), ownWaivers);
        var facts = new Dictionary<string, string>
        {
            ["appRole"] = target.AppRoleOrigin is { Length: > 0 } origin ? origin : target.AppRole,
            ["tenantColumn"] = target.TenantColumn,
            ["tenantSetting"] = target.TenantSetting,
            ["syntheticTenants"] = string.Join(", ", seed.Tenants),
            ["tablesAttacked"] = context.AttackableTables.Count().ToString(CultureInfo.InvariantCulture),
            ["controlsPassed"] = context.Controls.Passed.ToString(CultureInfo.InvariantCulture),
            ["sharedTenants"] = target.SharedTenants.Count == 0 ? "none" : string.Join(", ", target.SharedTenants),
            ["tablesNotSeeded"] = seed.Unseeded.Count.ToString(CultureInfo.InvariantCulture),
            ["seedMs"] = ((int)seedTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            ["attackMs"] = ((int)(clock.Elapsed - seedTime).TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        };
        if (unbatched is not null)
            facts["probes"] = $"one round trip each, slower: {unbatched}";
        var notes = context.Inconclusive.OrderBy(n => n, StringComparer.Ordinal).ToList();
        for (var i = 0; i < notes.Count; i++)
        {
            facts[$"note{i + 1}"] = notes[i];
        }

        return new Report(findings, waived, unmatched, facts, AttackRules.Database);
    }

    /// <summary>Tables are independent: a few workers, each on its own connection, attack a handful of tables at a
    /// time with every plan at once, so the probes the plans wait on go to the server together.</summary>
    /// <returns>Why probes went one round trip each, or null when they were batched.</returns>
    private static async Task<string?> AttackTablesAsync(AttackContext context, NpgsqlDataSource appPool, CancellationToken ct)
    {
        string? unbatched = null;
        var groups = new ConcurrentQueue<SeedTable[]>(context.AttackableTables.Chunk(TablesPerBatch));
        await Parallel.ForAsync(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = ct }, async (_, token) =>
        {
            await using var connection = await appPool.OpenConnectionAsync(token).ConfigureAwait(false);
            var probe = await Probe.OpenAsync(connection, context.Target.AppRole, context.Target.TenantSetting, token).ConfigureAwait(false);
            if (probe.UnbatchedReason is { } why)
                Interlocked.CompareExchange(ref unbatched, $"{context.Target.AppRole} may not create a temporary function ({why})", null);
            while (groups.TryDequeue(out var group))
            {
                await probe.RunAsync(() => Task.WhenAll(group.Select(table => AttackTableAsync(context, probe, table, token))), token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        await using var viewConnection = await appPool.OpenConnectionAsync(ct).ConfigureAwait(false);
        var viewProbe = await Probe.OpenAsync(viewConnection, context.Target.AppRole, context.Target.TenantSetting, ct).ConfigureAwait(false);
        await viewProbe.RunAsync(() => CrossTenantReadAttack.RunOnViewsAndFunctionsAsync(context, viewProbe, ct), ct).ConfigureAwait(false);
        return unbatched;
    }

    private static Task AttackTableAsync(AttackContext context, Probe probe, SeedTable table, CancellationToken ct) =>
        Task.WhenAll(
            CrossTenantReadAttack.RunOnTableAsync(context, probe, table, ct),
            CrossTenantUpdateAttack.RunAsync(context, probe, table, ct),
            CrossTenantDeleteAttack.RunAsync(context, probe, table, ct),
            ForeignInsertAttack.RunAsync(context, probe, table, ct),
            RowMoveAttack.RunAsync(context, probe, table, ct),
            MissingContextReadAttack.RunAsync(context, probe, table, ct),
            SharedTenantWriteAttack.RunAsync(context, probe, table, ct));

    /// <summary>An app role that may not touch any tenant table would be refused everything, which proves nothing
    /// about isolation: that is a wrong role (exit 2), not a clean run.</summary>
    private static void RequireAppRoleReach(SeedSchema schema, AttackTarget target)
    {
        var tenantTables = schema.Tables.Where(t => t.Column(target.TenantColumn) is not null).ToList();
        if (tenantTables.Count == 0 || tenantTables.Any(t => t.AppCanSelect || t.AppCanInsert || t.AppCanUpdate || t.AppCanDelete))
            return;
        throw new HarnessException(
            $"App role {target.AppRole} may not SELECT, INSERT, UPDATE or DELETE any of the {tenantTables.Count} tenant table(s), so every attack " +
            "would be refused for lack of privilege and prove nothing. It is not the role your application connects as: pass the role your " +
            "migrations GRANT to with --app-role (WithAppRole).");
    }

    /// <summary>TG2009 for every table where tenant A could not reach its own rows through a path an attack used.</summary>
    private static void ReportUnprovenTables(AttackContext context)
    {
        foreach (var (table, failures) in context.Controls.Failures)
        {
            var what = string.Join("; ", failures.Select(f => $"{f.Path}: {f.Why}"));
            context.Findings.Add(AttackRules.IsolationNotProven, table, table,
                $"Isolation of {table} is not proven: with tenant A's context, {context.Target.AppRole} could not reach A's own rows ({what}), " +
                "so the refused attacks through the same paths prove nothing.",
                $"Check that {context.Target.TenantSetting} is the setting the policies compare with {context.Target.TenantColumn} (--tenant-setting), " +
                $"that the policies admit a tenant's own rows for {context.Target.AppRole}, and that it holds the privileges the application uses. " +
                "If the table needs rows the seeder cannot make, give them with --seed-sql.",
                string.Join(Environment.NewLine, failures.Select(f => f.Transcript)));
        }
    }

    private static List<Finding> Ordered(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Object, StringComparer.Ordinal).ToList();
}
