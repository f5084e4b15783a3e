using Npgsql;

namespace TenantGuard.SampleApp.Tenancy;

/// <summary>
/// The request's database session: one connection, one transaction, the tenant set inside it. Repositories run on it,
/// so every statement of a request sees exactly one tenant, and the tenant ends with the transaction.
/// </summary>
public sealed class TenantSession : ITenantContext
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private Guid? _tenantId;

    public Guid TenantId => _tenantId ?? throw new InvalidOperationException("No tenant was resolved for this request.");

    public NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("The request has no database session.");

    public NpgsqlTransaction Transaction => _transaction ?? throw new InvalidOperationException("The request has no database session.");

    internal void Begin(Guid tenantId, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _tenantId = tenantId;
        _connection = connection;
        _transaction = transaction;
    }
}
