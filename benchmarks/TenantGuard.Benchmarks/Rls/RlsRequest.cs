using System.Globalization;
using Npgsql;
using TenantGuard.Harness.Bench.Sampling;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// One request of the benchmark's order workload, in the harness's request envelope (<see cref="TenantRequest"/>:
/// open, BEGIN, set_config(..., true), the statement, COMMIT). Every mode, the baseline included, pays the same
/// envelope, so ratios isolate what the policy costs.
/// </summary>
public static class RlsRequest
{
    public static Task ExecuteAsync(NpgsqlDataSource app, RequestArguments arguments, string sql, CancellationToken ct = default) =>
        TenantRequest.ExecuteAsync(app, RlsSqlTemplates.TenantSetting, Tenant(arguments.TenantId),
            (connection, transaction) => CreateCommand(connection, transaction, sql, arguments), rollback: false, ct);

    /// <summary>The envelope alone: what each request pays before its own statement.</summary>
    public static async Task SetTenantOnlyAsync(NpgsqlDataSource app, int tenantId, CancellationToken ct = default)
    {
        await using var connection = await app.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await SetTenantAsync(connection, transaction, tenantId, ct);
        await transaction.CommitAsync(ct);
    }

    public static Task SetTenantAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int tenantId, CancellationToken ct) =>
        TenantRequest.SetTenantAsync(connection, transaction, RlsSqlTemplates.TenantSetting, Tenant(tenantId), ct);

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

    private static string Tenant(int tenantId) => tenantId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Who the request is for and which of the tenant's rows it touches.</summary>
public readonly record struct RequestArguments(int TenantId, long OrderId, long CustomerId);
