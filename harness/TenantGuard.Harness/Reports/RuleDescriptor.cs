namespace TenantGuard.Harness.Reports;

/// <summary>What a rule checks, for reports that describe their rules (SARIF, JUnit) and for the docs.</summary>
public sealed record RuleDescriptor(string Id, string Title, Severity DefaultSeverity, string Summary)
{
    /// <summary>Where the rule's page lives, relative to the repository root.</summary>
    public string DocPath => RuleDocs.PathFor(Id);
}
