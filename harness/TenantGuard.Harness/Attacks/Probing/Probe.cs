using Npgsql;

namespace TenantGuard.Harness.Attacks.Probing;

/// <summary>
/// Runs attack statements as the application role, each as its own transaction: BEGIN, optionally set the tenant,
/// run, ROLLBACK. The victim's data is never left changed, whatever the statement did. Where the role may create a
/// temporary function, the probes plans ask for while they wait go to the server together (<see cref="RunAsync"/>);
/// otherwise one round trip each.
/// </summary>
public sealed class Probe
{
    private readonly IProbeRunner _runner;

    private Probe(IProbeRunner runner, string? unbatchedReason)
    {
        _runner = runner;
        UnbatchedReason = unbatchedReason;
    }

    /// <summary>Why probes on this connection go one round trip each, or null when they are batched.</summary>
    public string? UnbatchedReason { get; }

    /// <summary>A probe on an open application-role connection, batched where the role allows it.</summary>
    public static async Task<Probe> OpenAsync(NpgsqlConnection connection, string appRole, string tenantSetting, CancellationToken ct)
    {
        var refused = await ProbeFunction.TryCreateAsync(connection, ct).ConfigureAwait(false);
        return refused is null
            ? new Probe(new BatchedProbeRunner(connection, appRole, tenantSetting), null)
            : new Probe(new DirectProbeRunner(connection, appRole, tenantSetting), refused);
    }

    /// <summary>Runs a SELECT count(*) … and returns the count.</summary>
    public Task<ProbeOutcome> CountAsync(string? tenant, string sql, CancellationToken ct) =>
        _runner.RunAsync(new ProbeRequest(tenant, sql, Scalar: true, SetupSql: null), ct);

    /// <summary>Runs an INSERT/UPDATE/DELETE and returns the rows it affected. A setup statement (e.g. inserting the
    /// row an UPDATE then moves) runs first in the same transaction; if it fails, the outcome carries its error.</summary>
    public Task<ProbeOutcome> ExecuteAsync(string? tenant, string sql, CancellationToken ct, string? setupSql = null) =>
        _runner.RunAsync(new ProbeRequest(tenant, sql, Scalar: false, setupSql), ct);

    /// <summary>Runs attack work that probes through this probe, and only such work: independent plans started
    /// together have the probes they wait on sent together.</summary>
    public Task RunAsync(Func<Task> work, CancellationToken ct) => _runner.DrainAsync(work, ct);
}
