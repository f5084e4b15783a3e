namespace TenantGuard.SampleApp.Tests.Variants;

/// <summary>What the suite reported for one variant.</summary>
public sealed record VariantResult(IsolationVariant Variant, IReadOnlySet<string> ReportedRules)
{
    public bool Caught(string rule) => ReportedRules.Contains(rule);

    public bool CaughtAll => Variant.ExpectedRules.All(Caught);
}
