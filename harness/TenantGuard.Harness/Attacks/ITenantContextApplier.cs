using Npgsql;

namespace TenantGuard.Harness.Attacks;

/// <summary>Puts a tenant on a connection the way an application does, so the pool and concurrency checks test the
/// application's own pattern.</summary>
public interface ITenantContextApplier
{
    /// <summary>A short description for evidence, e.g. "SELECT set_config('app.current_tenant', $1, true)".</summary>
    string Description { get; }

    /// <summary>Applies the tenant; called right after the transaction began.</summary>
    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenant, CancellationToken ct);
}

/// <summary>The safe pattern: a transaction-local setting that ends with the transaction.</summary>
public sealed class TransactionLocalTenantApplier(string setting) : ITenantContextApplier
{
    public string Description => $"SELECT set_config('{setting}', <tenant>, true)";

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenant, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT set_config($1, $2, true)", connection, transaction);
        command.Parameters.AddWithValue(setting);
        command.Parameters.AddWithValue(tenant);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
