using System.Globalization;
using Npgsql;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// One application request, as an app on a pooled connection pays for it: open, BEGIN, set the tenant with
/// set_config(..., true) (transaction-local, so it cannot leak to the next request), run the statement, COMMIT.
/// Every mode, the baseline included, pays the same envelope, so ratios isolate what the policy costs.
/// </summary>
public static class TenantRequest
{
    public const string SetTenantSql = "SELECT set_config('" + RlsSqlTemplates.TenantSetting + "', @tenant, true)";

    public static async Task ExecuteAsync(NpgsqlDataSource app, RequestArguments arguments, string sql, CancellationToken ct = default)
    {
        await using var connection = await app.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await SetTenantAsync(connection, transaction, arguments.TenantId, ct);
        await using (var command = CreateCommand(connection, transaction, sql, arguments))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
            }
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The envelope alone: what each request pays before its own statement.</summary>
    public static async Task SetTenantOnlyAsync(NpgsqlDataSource app, int tenantId, CancellationToken ct = default)
    {
        await using var connection = await app.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await SetTenantAsync(connection, transaction, tenantId, ct);
        await transaction.CommitAsync(ct);
    }

    public static async Task SetTenantAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(SetTenantSql, connection, transaction);
        command.Parameters.AddWithValue("tenant", tenantId.ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Binds only the parameters the statement names: @t, @id, @customer.</summary>
    public static NpgsqlCommand CreateCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, RequestArguments arguments)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        if (sql.Contains("@t", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("t", arguments.TenantId);
        }

        if (sql.Contains("@id", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("id", arguments.OrderId);
        }

        if (sql.Contains("@customer", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("customer", arguments.CustomerId);
        }

        return command;
    }
}

/// <summary>Who the request is for and which of the tenant's rows it touches.</summary>
public readonly record struct RequestArguments(int TenantId, long OrderId, long CustomerId);
