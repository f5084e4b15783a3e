using Npgsql;
using TenantGuard.Harness;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// One database holding the same data in every mode's schema: created once per table size and shared by every
/// benchmark case of the run. Loaded by the owner role, queried by the application role.
/// </summary>
public sealed class RlsDataSet : IAsyncDisposable
{
    private readonly TenantDatabase _database;

    private RlsDataSet(TenantDatabase database, long rows, IReadOnlyList<SampleTenant> tenants)
    {
        _database = database;
        Rows = rows;
        Tenants = tenants;
    }

    public long Rows { get; }

    public IReadOnlyList<SampleTenant> Tenants { get; }

    /// <summary>Connections as the application role: RLS applies to it.</summary>
    public NpgsqlDataSource App => _database.AppDataSource;

    public string AppRole => _database.AppRole;

    public static async Task<RlsDataSet> CreateAsync(
        TenantDatabaseTemplate template, long rows, IProgress<string> progress, CancellationToken ct)
    {
        var database = await template.CreateDatabaseAsync(ct);
        try
        {
            var owner = database.OwnerDataSource;
            var started = System.Diagnostics.Stopwatch.StartNew();
            progress.Report($"loading {rows:N0} orders and {rows / 10:N0} customers over 1,000 tenants");
            await ExecuteAsync(owner, RlsSqlTemplates.LoadData(rows), ct);
            foreach (var mode in RlsModes.All.Where(m => m != RlsMode.ExplicitFilter))
            {
                await ExecuteAsync(owner, RlsSqlTemplates.CopyData(mode), ct);
            }

            foreach (var mode in RlsModes.All)
            {
                await ExecuteAsync(owner, RlsSqlTemplates.Indexes(mode, database.AppRole), ct);
            }

            await ExecuteAsync(owner, "VACUUM ANALYZE", ct);
            var tenants = await ReadSampleTenantsAsync(owner, ct);
            progress.Report($"data ready in {started.Elapsed.TotalSeconds:0.0} s ({RlsModes.All.Count} schemas, {tenants.Count} sample tenants)");
            return new RlsDataSet(database, rows, tenants);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0; // loading 10^7 rows takes minutes
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<SampleTenant>> ReadSampleTenantsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var tenants = new List<SampleTenant>();
        await using var command = dataSource.CreateCommand(RlsSqlTemplates.SampleTenants());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tenants.Add(new SampleTenant(
                reader.GetInt32(0), reader.GetFieldValue<long[]>(1), reader.GetFieldValue<long[]>(2), reader.GetInt64(3)));
        }

        if (tenants.Count == 0)
        {
            throw new InvalidOperationException("the synthetic data holds no ordinary tenant to make requests for");
        }

        return tenants;
    }
}
