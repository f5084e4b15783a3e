using TenantGuard.SampleApp.Tests.Infrastructure;
using TenantGuard.SampleApp.Tests.Variants;
using Xunit.Abstractions;

namespace TenantGuard.SampleApp.Tests;

/// <summary>
/// Proof that the suite catches what it claims: every broken variant of the sample app must be reported with its
/// expected rules. (The correct app passing is <see cref="IsolationSuite"/>.) Set TENANTGUARD_VARIANTS_TABLE to a
/// file path to have the run write the variant → rule → caught table there.
/// </summary>
[Collection("sample-app")]
public sealed class IsolationVariantTests(SampleDatabaseFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Variants => new(VariantCatalogue.All.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Suite_reports_the_expected_rules_for(string name)
    {
        var variant = VariantCatalogue.All.Single(v => v.Name == name);
        var (result, reports) = await VariantRunner.RunAsync(fixture, variant);
        fixture.Record(result);
        output.WriteLine($"{variant.Description}: reported {string.Join(", ", result.ReportedRules.Order(StringComparer.Ordinal))}");
        foreach (var finding in reports.SelectMany(r => r.Findings).Where(f => variant.ExpectedRules.Contains(f.Rule)))
        {
            output.WriteLine($"{finding.Rule} {finding.Object}: {finding.Message}");
        }

        var missed = variant.ExpectedRules.Where(r => !result.Caught(r)).ToList();
        Assert.True(missed.Count == 0, $"{variant.Name} ({variant.Description}) was not reported under {string.Join(", ", missed)}; the suite reported {string.Join(", ", result.ReportedRules.Order(StringComparer.Ordinal))}.");
    }
}
