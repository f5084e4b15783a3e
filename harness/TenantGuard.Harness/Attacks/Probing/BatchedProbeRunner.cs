using Npgsql;

namespace TenantGuard.Harness.Attacks.Probing;

/// <summary>
/// Gathers the probes that attack plans ask for while they wait, and sends them together: one round trip runs every
/// probe the waiting plans need next, each through <see cref="ProbeFunction"/> in its own rolled-back savepoint. Plans
/// stay written as sequences of awaited probes; a plan's next probe joins the next batch.
/// </summary>
internal sealed class BatchedProbeRunner(NpgsqlConnection connection, string appRole, string tenantSetting) : IProbeRunner
{
    private readonly object _gate = new();
    private readonly DirectProbeRunner _direct = new(connection, appRole, tenantSetting);
    private List<(ProbeRequest Request, TaskCompletionSource<ProbeOutcome> Outcome)> _queue = [];
    private TaskCompletionSource _queued = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _draining;

    public Task<ProbeOutcome> RunAsync(ProbeRequest request, CancellationToken ct)
    {
        if (!Volatile.Read(ref _draining))
            return _direct.RunAsync(request, ct); // nobody would send a queued probe

        // Continuations run inline when the batch completes them, so a plan's next probe is queued before the next
        // batch is cut.
        var outcome = new TaskCompletionSource<ProbeOutcome>();
        lock (_gate)
        {
            _queue.Add((request, outcome));
            _queued.TrySetResult();
        }

        return outcome.Task;
    }

    public async Task DrainAsync(Func<Task> work, CancellationToken ct)
    {
        Volatile.Write(ref _draining, true);
        try
        {
            await DrainWhileAsync(work(), ct).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _draining, false);
        }
    }

    private async Task DrainWhileAsync(Task work, CancellationToken ct)
    {
        while (!work.IsCompleted)
        {
            List<(ProbeRequest Request, TaskCompletionSource<ProbeOutcome> Outcome)> batch;
            Task queued;
            lock (_gate)
            {
                batch = _queue;
                _queue = [];
                if (batch.Count == 0)
                    _queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                queued = _queued.Task;
            }

            if (batch.Count == 0)
            {
                await Task.WhenAny(work, queued).ConfigureAwait(false);
                continue;
            }

            await SendAsync(batch, ct).ConfigureAwait(false);
        }

        await work.ConfigureAwait(false);
    }

    private async Task SendAsync(List<(ProbeRequest Request, TaskCompletionSource<ProbeOutcome> Outcome)> batch, CancellationToken ct)
    {
        var outcomes = new ProbeOutcome[batch.Count];
        try
        {
            await using var command = new NpgsqlBatch(connection);
            command.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            foreach (var (request, _) in batch)
            {
                var call = new NpgsqlBatchCommand(ProbeFunction.Call);
                call.Parameters.Add(new NpgsqlParameter { Value = tenantSetting });
                call.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = request.Tenant, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                call.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = request.SetupSql, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                call.Parameters.Add(new NpgsqlParameter { Value = request.Sql });
                call.Parameters.Add(new NpgsqlParameter { Value = request.Scalar });
                command.BatchCommands.Add(call);
            }

            command.BatchCommands.Add(new NpgsqlBatchCommand("ROLLBACK"));
            // Prepared once per connection: the server then parses only the probes' own statements.
            await command.PrepareAsync(ct).ConfigureAwait(false);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                    throw new InvalidOperationException("tenantguard_probe returned no row.");
                outcomes[i] = Read(reader, batch[i].Request);
                await reader.NextResultAsync(ct).ConfigureAwait(false);
            }
        }
        catch (PostgresException)
        {
            // Something the function cannot catch (a cancelled statement, a lost temporary schema): end the
            // transaction and send this batch's probes one by one.
            await using (var rollback = new NpgsqlCommand("ROLLBACK", connection))
                await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
                outcomes[i] = await _direct.RunAsync(batch[i].Request, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The connection or the run is gone: the plans waiting on this batch end with the same error.
            foreach (var (_, outcome) in batch)
                outcome.TrySetException(e);
            throw;
        }

        for (var i = 0; i < batch.Count; i++)
            batch[i].Outcome.SetResult(outcomes[i]);
    }

    private ProbeOutcome Read(NpgsqlDataReader reader, ProbeRequest request)
    {
        var failedAt = reader.IsDBNull(0) ? null : reader.GetString(0);
        var setupRows = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        var rows = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
        var error = reader.IsDBNull(3) ? null : new ProbeError(reader.GetString(3), reader.IsDBNull(4) ? string.Empty : reader.GetString(4));
        return request.Outcome(appRole, tenantSetting, setupRows, rows, error, setupFailed: error is not null && failedAt == "setup");
    }
}
