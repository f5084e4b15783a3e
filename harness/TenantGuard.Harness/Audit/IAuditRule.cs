using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit;

/// <summary>One isolation check. Rules read the catalog snapshot in the context; only rules about behaviour
/// (TG1008's EXPLAIN) talk to the database.</summary>
public interface IAuditRule
{
    RuleDescriptor Descriptor { get; }

    Task<IReadOnlyList<Finding>> EvaluateAsync(AuditContext context, CancellationToken cancellationToken);
}

/// <summary>A rule decided from the catalog alone.</summary>
public abstract class CatalogRule : IAuditRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public Task<IReadOnlyList<Finding>> EvaluateAsync(AuditContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Finding>>(Evaluate(context).ToList());

    protected abstract IEnumerable<Finding> Evaluate(AuditContext context);

    protected Finding Finding(string objectName, string message, string fix, string? table, Severity? severity = null) =>
        new(Descriptor.Id, severity ?? Descriptor.DefaultSeverity, objectName, message, fix) { Table = table };
}
