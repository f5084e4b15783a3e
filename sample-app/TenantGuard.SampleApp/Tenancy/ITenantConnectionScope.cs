using Npgsql;

namespace TenantGuard.SampleApp.Tenancy;

/// <summary>Binds a tenant to a database transaction.</summary>
public interface ITenantConnectionScope
{
    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, CancellationToken ct);
}

/// <summary>
/// set_config(…, true) is SET LOCAL with a parameter: the setting ends with the transaction, so a pooled connection
/// (or a pgbouncer server connection in transaction mode) never carries one request's tenant into the next.
/// </summary>
public sealed class TransactionLocalTenantScope : ITenantConnectionScope
{
    public const string Setting = "app.current_tenant";

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('app.current_tenant', $1, true)", connection, transaction);
        command.Parameters.AddWithValue(tenantId.ToString());
        await command.ExecuteNonQueryAsync(ct);
    }
}
