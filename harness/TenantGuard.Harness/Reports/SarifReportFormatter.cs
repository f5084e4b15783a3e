using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TenantGuard.Harness.Reports;

/// <summary>
/// SARIF 2.1.0 for code scanning (GitHub's rules included): every rule with its page as help, a security severity and
/// tags; every result at its migration line, relative to <c>%SRCROOT%</c> (<see cref="SourceRoot"/>), with a stable
/// fingerprint. Waived findings are results with an external suppression carrying the reason; waivers that matched
/// nothing are tool configuration notifications.
/// </summary>
public sealed class SarifReportFormatter(string? sourceRoot = null) : IReportFormatter
{
    private const string SourceRootId = "SRCROOT";

    private readonly string _root = SourceRoot.Find(sourceRoot);

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format(Report report)
    {
        var rules = CollectRules(report);
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteString("uri", new Uri(_root).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "TenantGuard");
            json.WriteString("informationUri", RuleDocs.BaseUri);
            json.WriteString("version", typeof(Report).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
                WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteStartArray("toolConfigurationNotifications");
            foreach (var waiver in report.UnmatchedWaivers)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                json.WriteStartObject("message");
                json.WriteString("text", $"Waiver {waiver.Rule} on {waiver.Object} matched no finding; remove it or fix its object name.");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
                WriteResult(json, finding, ruleIndex, suppression: null);
            foreach (var waived in report.Waived)
                WriteResult(json, waived.Finding, ruleIndex, waived.Waiver.Reason);
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<RuleDescriptor> CollectRules(Report report)
    {
        var rules = report.Rules.ToList();
        var known = rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        var used = report.Findings.Concat(report.Waived.Select(waived => waived.Finding));
        foreach (var finding in used)
        {
            if (known.Add(finding.Rule))
                rules.Add(new RuleDescriptor(finding.Rule, finding.Rule, finding.Severity, finding.Rule));
        }
        return rules;
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Title);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", string.IsNullOrWhiteSpace(rule.Summary) ? rule.Title : rule.Summary);
        json.WriteEndObject();
        json.WriteString("helpUri", RuleDocs.HelpUriFor(rule.Id));
        json.WriteStartObject("help");
        json.WriteString("text", $"{(string.IsNullOrWhiteSpace(rule.Summary) ? rule.Title : rule.Summary)} See {RuleDocs.HelpUriFor(rule.Id)}");
        json.WriteString("markdown", RulePages.Markdown(rule.Id) ?? $"**{rule.Id}: {rule.Title}**\n\n{rule.Summary}\n\n[{rule.Id}]({RuleDocs.HelpUriFor(rule.Id)})");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        foreach (var tag in new[] { "security", "tenant-isolation", rule.Id.StartsWith("TG2", StringComparison.Ordinal) ? "attack" : "audit", "external/cwe/cwe-639" })
            json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteString("precision", "high");
        // GitHub ranks alerts by this score: 7.0+ is high, 4.0–6.9 medium, below that low.
        json.WriteString("security-severity", rule.DefaultSeverity switch
        {
            Severity.Error => "8.0",
            Severity.Warning => "5.0",
            _ => "2.0",
        });
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndex, string? suppression)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule);
        json.WriteNumber("ruleIndex", ruleIndex[finding.Rule]);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", $"{finding.Object}: {finding.Message}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (finding.Location is not null)
            WritePhysicalLocation(json, finding.Location);
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", finding.Object);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("tenantguardFinding/v1", Fingerprint(finding));
        json.WriteEndObject();
        if (suppression is not null)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", suppression);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartObject("properties");
        json.WriteString("fix", finding.Fix);
        if (finding.Evidence is not null)
            json.WriteString("evidence", finding.Evidence);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// "path:line" as a physicalLocation: relative to the source root with its base id when the file lies below it (as
    /// code scanning wants), else an absolute file URI.
    /// </summary>
    private void WritePhysicalLocation(Utf8JsonWriter json, string location)
    {
        var colon = location.LastIndexOf(':');
        var path = Path.GetFullPath(location[..colon]);
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (path.StartsWith(_root, StringComparison.Ordinal))
        {
            var relative = Path.GetRelativePath(_root, path).Replace('\\', '/');
            json.WriteString("uri", string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", SourceRootId);
        }
        else
        {
            json.WriteString("uri", new Uri(path).AbsoluteUri);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", int.Parse(location[(colon + 1)..], CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The same rule on the same object is the same alert from run to run, whatever its line or message.</summary>
    private static string Fingerprint(Finding finding) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Rule}|{finding.Object}")))[..32].ToLowerInvariant();

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
