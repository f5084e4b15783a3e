using System.Globalization;
using System.Text;
using Npgsql;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks;

/// <summary>What one attack statement did: the rows it counted or changed, or the error that stopped it, and a
/// transcript that reproduces it in psql.</summary>
public sealed record ProbeOutcome(string Transcript, long Rows, PostgresException? Error, bool SetupFailed = false)
{
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    public bool Succeeded => Error is null && Rows > 0;

    /// <summary>A write that only a unique or foreign key refused: PostgreSQL checks the policies' WITH CHECK before
    /// it writes index entries and before foreign-key triggers fire, so row-level security let the write through.</summary>
    public bool PassedRowSecurity => Succeeded || (!SetupFailed && Error?.SqlState is UniqueViolation or ForeignKeyViolation);
}

/// <summary>
/// Runs one attack statement as the application role: BEGIN, optionally set the tenant, run, ROLLBACK. The victim's
/// data is never left changed, whatever the statement did. The four go to the server in one round trip (a batch);
/// a failure stops the batch inside the transaction, which one more ROLLBACK ends.
/// </summary>
public sealed class Probe(NpgsqlConnection connection, string appRole, string tenantSetting)
{
    /// <summary>Runs a SELECT count(*) … and returns the count.</summary>
    public Task<ProbeOutcome> CountAsync(string? tenant, string sql, CancellationToken ct) => RunAsync(tenant, sql, scalar: true, ct);

    /// <summary>Runs an INSERT/UPDATE/DELETE and returns the rows it affected. A setup statement (e.g. inserting the
    /// row an UPDATE then moves) runs first in the same transaction; if it fails, the outcome carries its error.</summary>
    public Task<ProbeOutcome> ExecuteAsync(string? tenant, string sql, CancellationToken ct, string? setupSql = null) =>
        RunAsync(tenant, sql, scalar: false, ct, setupSql);

    private async Task<ProbeOutcome> RunAsync(string? tenant, string sql, bool scalar, CancellationToken ct, string? setupSql = null)
    {
        var transcript = new StringBuilder().Append("-- connected as ").Append(appRole).AppendLine().AppendLine("BEGIN;");
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        if (tenant is not null)
        {
            var setTenant = $"SELECT set_config({SqlText.Quote(tenantSetting)}, {SqlText.Quote(tenant)}, true)";
            transcript.Append(setTenant).AppendLine(";");
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setTenant));
        }

        var setup = setupSql is null ? null : new NpgsqlBatchCommand(setupSql);
        if (setup is not null)
            batch.BatchCommands.Add(setup);
        var attack = new NpgsqlBatchCommand(sql);
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

            if (setup is not null)
                transcript.Append(setupSql).Append(';').Append($"  -- {setup.RecordsAffected} row(s) affected").AppendLine();
            var rows = scalar ? Convert.ToInt64(last is DBNull ? 0L : last ?? 0L, CultureInfo.InvariantCulture) : (long)attack.RecordsAffected;
            transcript.Append(sql).Append(';').Append(scalar ? $"  -- returned count = {rows}" : $"  -- {rows} row(s) affected").AppendLine();
            return new ProbeOutcome(transcript.AppendLine("ROLLBACK;").ToString(), rows, null);
        }
        catch (PostgresException e)
        {
            await using (var rollback = new NpgsqlCommand("ROLLBACK", connection))
                await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            var setupFailed = setup is not null && ReferenceEquals(e.BatchCommand, setup);
            if (setup is not null)
            {
                transcript.Append(setupSql).Append(';')
                    .Append(setupFailed ? $"  -- ERROR {e.SqlState}: {e.MessageText}" : $"  -- {setup.RecordsAffected} row(s) affected").AppendLine();
            }

            if (!setupFailed)
                transcript.Append(sql).Append(';').Append($"  -- ERROR {e.SqlState}: {e.MessageText}").AppendLine();
            return new ProbeOutcome(transcript.AppendLine("ROLLBACK;").ToString(), 0, e, SetupFailed: setupFailed);
        }
    }
}
