using System.Text.Json;
using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class SarifReportFormatterTests
{
    [Fact]
    public void A_finding_with_a_migration_location_gets_a_physical_location()
    {
        var located = SampleReports.NoRls with { Location = "db/migrations/001 schema.sql:12" };

        using var sarif = JsonDocument.Parse(new SarifReportFormatter(Environment.CurrentDirectory).Format(new Report([located], rules: AuditRules.All)));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var location = run.GetProperty("results")[0].GetProperty("locations")[0];

        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("db/migrations/001%20schema.sql", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(new Uri(Path.GetFullPath(Environment.CurrentDirectory) + "/").AbsoluteUri,
            run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
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

    /// <summary>What GitHub code scanning requires of a rule and a result (the SARIF validator's GH rules), checked
    /// on every rule the harness has.</summary>
    [Fact]
    public void Every_rule_carries_help_a_full_description_a_security_severity_and_tags()
    {
        using var sarif = JsonDocument.Parse(new SarifReportFormatter().Format(
            new Report([], rules: AuditRules.All.Concat(TenantGuard.Harness.Attacks.AttackRules.Database).ToList())));
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()), id);
            Assert.StartsWith($"# {id}:", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
            var severity = double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(severity, 0.1, 10);
            Assert.Contains("security", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }
    }

    [Fact]
    public void A_finding_keeps_its_fingerprint_when_its_line_or_message_changes()
    {
        string Fingerprint(Finding finding)
        {
            using var sarif = JsonDocument.Parse(new SarifReportFormatter().Format(new Report([finding], rules: AuditRules.All)));
            return sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("partialFingerprints")
                .GetProperty("tenantguardFinding/v1").GetString()!;
        }

        var first = Fingerprint(SampleReports.NoRls with { Location = "db/001.sql:3" });
        var moved = Fingerprint(SampleReports.NoRls with { Location = "db/001.sql:9", Message = "reworded" });
        var other = Fingerprint(SampleReports.NoRls with { Object = "public.other" });

        Assert.Equal(first, moved);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_migration_outside_the_source_root_gets_an_absolute_file_uri()
    {
        using var root = new TemporaryDirectory();
        using var elsewhere = new TemporaryDirectory();
        var located = SampleReports.NoRls with { Location = Path.Combine(elsewhere.Path, "001.sql") + ":4" };

        using var sarif = JsonDocument.Parse(new SarifReportFormatter(root.Path).Format(new Report([located], rules: AuditRules.All)));
        var artifact = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.Equal(new Uri(Path.Combine(elsewhere.Path, "001.sql")).AbsoluteUri, artifact.GetProperty("uri").GetString());
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
    }
}
