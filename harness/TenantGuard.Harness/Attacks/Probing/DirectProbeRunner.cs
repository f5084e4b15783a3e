using Npgsql;

namespace TenantGuard.Harness.Attacks.Probing;

/// <summary>
/// Sends each probe as it comes: BEGIN, the tenant, the setup, the statement and ROLLBACK in one batch, one round trip
/// per probe. A failure stops the batch inside the transaction, which one more ROLLBACK ends. Used where the
/// application role may not create the temporary function <see cref="BatchedProbeRunner"/> needs.
/// </summary>
internal sealed class DirectProbeRunner(NpgsqlConnection connection, string appRole, string tenantSetting) : IProbeRunner
{
    // Plans started together ask at once; the connection takes one statement at a time.
    private readonly SemaphoreSlim _connection = new(1, 1);

    public async Task<ProbeOutcome> RunAsync(ProbeRequest request, CancellationToken ct)
    {
        await _connection.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await SendAsync(request, ct).ConfigureAwait(false);
        }
        finally
        {
            _connection.Release();
        }
    }

    private async Task<ProbeOutcome> SendAsync(ProbeRequest request, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        if (request.SetTenantSql(tenantSetting) is { } setTenant)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setTenant));
        var setup = request.SetupSql is null ? null : new NpgsqlBatchCommand(request.SetupSql);
        if (setup is not null)
            batch.BatchCommands.Add(setup);
        var attack = new NpgsqlBatchCommand(request.Sql);
        batch.BatchCommands.Add(attack);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("ROLLBACK"));

        try
        {
            object? last = null;
            await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                // The attack's count is the last value any statement returns (set_config's comes first, ROLLBACK's none).
                do
                {
                    if (reader.FieldCount > 0 && await reader.ReadAsync(ct).ConfigureAwait(false))
                        last = reader.GetValue(0);
                }
                while (await reader.NextResultAsync(ct).ConfigureAwait(false));
            }

            var rows = request.Scalar ? Convert.ToInt64(last is DBNull ? 0L : last ?? 0L, System.Globalization.CultureInfo.InvariantCulture) : (long)attack.RecordsAffected;
            return request.Outcome(appRole, tenantSetting, (long)(setup?.RecordsAffected ?? 0), rows, null, setupFailed: false);
        }
        catch (PostgresException e)
        {
            await using (var rollback = new NpgsqlCommand("ROLLBACK", connection))
                await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            var setupFailed = setup is not null && ReferenceEquals(e.BatchCommand, setup);
            return request.Outcome(appRole, tenantSetting, (long)(setup?.RecordsAffected ?? 0), 0, new ProbeError(e.SqlState, e.MessageText), setupFailed);
        }
    }

    public Task DrainAsync(Func<Task> work, CancellationToken ct) => work();
}
