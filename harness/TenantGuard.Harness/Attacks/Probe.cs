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
/// data is never left changed, whatever the statement did.
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
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            if (tenant is not null)
            {
                var setTenant = $"SELECT set_config({SqlText.Quote(tenantSetting)}, {SqlText.Quote(tenant)}, true);";
                transcript.AppendLine(setTenant);
                await using var set = new NpgsqlCommand(setTenant, connection, transaction);
                await set.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            if (setupSql is not null)
            {
                transcript.Append(setupSql).Append(';');
                await using var setup = new NpgsqlCommand(setupSql, connection, transaction);
                try
                {
                    var created = await setup.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    transcript.Append($"  -- {created} row(s) affected").AppendLine();
                }
                catch (PostgresException e)
                {
                    transcript.Append($"  -- ERROR {e.SqlState}: {e.MessageText}").AppendLine();
                    return new ProbeOutcome(transcript.AppendLine("ROLLBACK;").ToString(), 0, e, SetupFailed: true);
                }
            }

            transcript.Append(sql).Append(';');
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            long rows = scalar
                ? Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false) ?? 0L, CultureInfo.InvariantCulture)
                : await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            transcript.Append(scalar ? $"  -- returned count = {rows}" : $"  -- {rows} row(s) affected").AppendLine();
            return new ProbeOutcome(transcript.AppendLine("ROLLBACK;").ToString(), rows, null);
        }
        catch (PostgresException e)
        {
            transcript.Append($"  -- ERROR {e.SqlState}: {e.MessageText}").AppendLine();
            return new ProbeOutcome(transcript.AppendLine("ROLLBACK;").ToString(), 0, e);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
