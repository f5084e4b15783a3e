namespace TenantGuard.Harness.Attacks.Probing;

/// <summary>How probes reach the server: one round trip each, or gathered into batches.</summary>
internal interface IProbeRunner
{
    Task<ProbeOutcome> RunAsync(ProbeRequest request, CancellationToken ct);

    /// <summary>Runs <paramref name="work"/> to completion, sending the probes it asks for as it waits on them.</summary>
    Task DrainAsync(Func<Task> work, CancellationToken ct);
}
