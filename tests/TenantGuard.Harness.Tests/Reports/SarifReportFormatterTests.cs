using System.Text.Json;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class SarifReportFormatterTests
{
    [Fact]
    public void A_finding_with_a_migration_location_gets_a_physical_location()
    {
        var located = SampleReports.NoRls with { Location = "db/migrations/001 schema.sql:12" };

        using var sarif = JsonDocument.Parse(new SarifReportFormatter().Format(new Report([located], rules: AuditRules.All)));
        var location = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0];

        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("db/migrations/001%20schema.sql", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(12, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("public.notes", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Fact]
    public void Results_reference_rules_with_help_links_and_waivers_become_suppressions()
    {
        using var sarif = JsonDocument.Parse(new SarifReportFormatter().Format(SampleReports.WithEverything()));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());

        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(AuditRules.All.Count, rules.Count);
        Assert.EndsWith("docs/rules/TG1001.md", rules[0].GetProperty("helpUri").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }
        var suppressed = Assert.Single(results, r => r.TryGetProperty("suppressions", out _));
        Assert.Equal("Global agents are shared on purpose.", suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString());
        Assert.Equal("public.docs", results[1].GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());

        var notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolConfigurationNotifications").EnumerateArray());
        Assert.Contains("public.gone", notification.GetProperty("message").GetProperty("text").GetString());
    }
}
