using System.Diagnostics;
using Npgsql;
using TenantGuard.Harness.Attacks.Seeding;
using TenantGuard.Harness.Bench.Diagnosis;
using TenantGuard.Harness.Bench.Queries;
using TenantGuard.Harness.Bench.Results;
using TenantGuard.Harness.Bench.Sampling;
using TenantGuard.Harness.Bench.Seeding;
using TenantGuard.Harness.Bench.Shapes;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Bench;

/// <summary>
/// One bench run on a migrated database: seed it at scale, build every table's shapes and the team's queries, take the
/// plans of both sides, sample each pair interleaved, and name the causes of the high ratios.
/// </summary>
public static class BenchRunner
{
    public static async Task<BenchResults> RunAsync(TenantDatabase database, BenchOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var progress = options.Progress;
        var setting = database.TenantSetting ?? throw new HarnessException(
            "No policy reads a tenant setting, so the bench cannot set the tenant for the RLS side; name it with --tenant-setting (e.g. app.tenant_id).");

        var seed = await BenchSeeder.SeedAsync(database, options.Data, progress, ct).ConfigureAwait(false);
        foreach (var table in seed.Tables.Where(t => t.Problem is not null))
            progress?.Report($"{table.Table}: not seeded: {table.Problem}");

        await using var admin = NpgsqlDataSource.Create(database.AdminConnectionString);
        var (queries, skipped) = await BuildQueriesAsync(database, admin, seed, options, ct).ConfigureAwait(false);
        var diagnosis = await PolicyDiagnosis.ReadAsync(database, ct).ConfigureAwait(false);

        var results = new List<QueryResult>();
        foreach (var query in queries)
        {
            progress?.Report($"measuring {query.Key} ({results.Count + 1}/{queries.Count})");
            results.Add(await MeasureAsync(query, database.AppDataSource, admin, setting, options.Sampler, diagnosis, ct).ConfigureAwait(false));
        }

        return new BenchResults
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Server = $"{database.Server.Kind} PostgreSQL {database.Server.ServerVersion}",
            AppRole = database.AppRole,
            TenantSetting = setting,
            Data = new BenchData
            {
                RowsPerTable = options.Data.Rows,
                Tenants = options.Data.Tenants,
                Skew = options.Data.Skew,
                RowsSeeded = seed.Rows,
                SeedSeconds = Math.Round(seed.Seconds, 2),
                RowsPerSecond = Math.Round(seed.RowsPerSecond),
                AnalyzeSeconds = Math.Round(seed.AnalyzeSeconds, 2),
                Tables = seed.Tables,
            },
            Sampler = options.Sampler,
            Queries = results,
            Skipped = skipped,
            Causes = diagnosis.All.ToList(),
            WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
        };
    }

    private static async Task<(List<BenchQuery>, List<SkippedQuery>)> BuildQueriesAsync(
        TenantDatabase database, NpgsqlDataSource admin, BenchSeedResult seed, BenchOptions options, CancellationToken ct)
    {
        await using var connection = await admin.OpenConnectionAsync(ct).ConfigureAwait(false);
        var schema = await SeedSchemaReader.ReadAsync(connection, database.AppRole, database.TenantColumn, database.TenantSetting ?? "", ct)
            .ConfigureAwait(false);
        var seededTables = seed.Tables.Where(t => t.Rows > 0).Select(t => t.Table).ToHashSet(StringComparer.Ordinal);
        var tenantTables = schema.Tables.Where(t => t.Column(database.TenantColumn) is not null && seededTables.Contains(t.QualifiedName)).ToList();
        var (first, count) = options.Data.Others;
        var tenants = seed.Tenants.Skip(first).Take(Math.Min(count, options.SampleTenants)).ToList();
        var samples = await TableSamples.ReadAsync(connection, tenantTables, database.TenantColumn, tenants, ct).ConfigureAwait(false);

        var builder = new ShapeBuilder(schema, database.TenantColumn, samples);
        var queries = new List<BenchQuery>();
        var skipped = seed.Tables.Where(t => t.Problem is not null)
            .Select(t => new SkippedQuery(t.Table, $"not seeded: {t.Problem}")).ToList();
        foreach (var table in tenantTables.OrderBy(t => t.QualifiedName, StringComparer.Ordinal))
        {
            var (built, notBuilt) = builder.For(table);
            queries.AddRange(built);
            skipped.AddRange(notBuilt);
        }

        var tenantType = tenantTables.Select(t => t.Column(database.TenantColumn)!.SqlType).FirstOrDefault() ?? "text";
        foreach (var team in options.Queries)
        {
            var sql = team.Bind(tenantType);
            queries.Add(new BenchQuery($"query/{team.Name}", BenchShape.Query, null, sql, sql, true,
                tenants.Select(t => new BenchRequest(t, [t], [t])).ToList(), team.Source));
        }

        return (queries, skipped);
    }

    private static async Task<QueryResult> MeasureAsync(BenchQuery query, NpgsqlDataSource app, NpgsqlDataSource admin, string setting,
        SamplerSettings sampler, PolicyDiagnosis diagnosis, CancellationToken ct)
    {
        var first = query.Requests[0];
        string rlsPlan, baselinePlan;
        try
        {
            rlsPlan = await PlanExplainer.ExplainAsync(app, setting, first.Tenant,
                (c, t, explain) => Command(c, t, explain + query.RlsSql, first.Rls), ct).ConfigureAwait(false);
            baselinePlan = await PlanExplainer.ExplainAsync(admin, setting, first.Tenant,
                (c, t, explain) => Command(c, t, explain + query.BaselineSql, first.Baseline), ct).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            var where = query.Source ?? query.Key;
            throw new HarnessException($"{where}: {query.Key} fails on the bench database: {e.SqlState}: {e.MessageText}" +
                                       (query.Source is null ? "" : ". Fix the query; :tenant stands for the tenant's value."));
        }

        var rls = Arm("rls", app, setting, query, r => r.Rls, query.RlsSql);
        var baseline = Arm("baseline", admin, setting, query, r => r.Baseline, query.BaselineSql);
        var samples = await PairedSampler.MeasureAsync([baseline, rls], sampler, ct).ConfigureAwait(false);
        var ratio = samples[1].Ratio;
        var tables = query.Table is { } table ? Tables(query, table) : SqlNameScanner.NamesIn(query.RlsSql);
        return new QueryResult
        {
            Key = query.Key,
            Shape = query.Shape.Key(),
            Table = query.Table,
            Source = query.Source,
            RlsSql = query.RlsSql,
            BaselineSql = query.BaselineSql,
            RlsMicroseconds = Round(samples[1].Time, 1),
            BaselineMicroseconds = Round(samples[0].Time, 1),
            Ratio = Round(ratio, 4),
            Policies = query.Table is null ? [] : diagnosis.Policies.GetValueOrDefault(query.Table) ?? [],
            Causes = ratio.Low >= QueryResult.HighRatio
                ? diagnosis.All.Where(c => tables.Contains(c.Table) || tables.Contains(c.Table[(c.Table.IndexOf('.') + 1)..])).ToList()
                : [],
            RlsPlan = rlsPlan,
            BaselinePlan = baselinePlan,
        };
    }

    /// <summary>The tables a shape reads: its own, and for a join the parent it joins.</summary>
    private static ISet<string> Tables(BenchQuery query, string table) =>
        query.Shape == BenchShape.Join ? SqlNameScanner.NamesIn(query.RlsSql).Append(table).ToHashSet(StringComparer.Ordinal) : new HashSet<string> { table };

    private static PairedArm Arm(string key, NpgsqlDataSource source, string setting, BenchQuery query,
        Func<BenchRequest, IReadOnlyList<string>> arguments, string sql)
    {
        var next = 0;
        return new PairedArm(key, ct =>
        {
            var request = query.Requests[next++ % query.Requests.Count];
            return TenantRequest.ExecuteAsync(source, setting, request.Tenant, (c, t) => Command(c, t, sql, arguments(request)), query.Rollback, ct);
        });
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, IReadOnlyList<string> arguments)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var argument in arguments)
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        return command;
    }

    private static SampleSummary Round(SampleSummary s, int digits) => new(
        Math.Round(s.Median, digits), Math.Round(s.Low, digits), Math.Round(s.High, digits), Math.Round(s.Mean, digits),
        Math.Round(s.StdDev, digits), s.Count);
}
