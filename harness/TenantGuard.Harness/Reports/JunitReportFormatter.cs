using System.Xml.Linq;

namespace TenantGuard.Harness.Reports;

/// <summary>JUnit XML for CI test tabs: one testcase per rule × object. A finding is a failure, a waived finding is
/// skipped with its reason, a rule without findings is one passing testcase, and a waiver that matched nothing fails.</summary>
public sealed class JunitReportFormatter : IReportFormatter
{
    public string Format(Report report)
    {
        var cases = new List<XElement>();
        var names = new HashSet<string>(StringComparer.Ordinal);

        foreach (var finding in report.Findings)
        {
            cases.Add(TestCase(finding.Rule, UniqueName(names, finding.Rule, finding.Object),
                new XElement("failure",
                    new XAttribute("message", finding.Message),
                    new XAttribute("type", $"{finding.Rule} {finding.Severity.Name()}"),
                    $"{finding.Message}\n\nFix:\n{finding.Fix}\n\nHelp: {RuleDocs.PathFor(finding.Rule)}"
                    + (finding.Evidence is null ? "" : $"\n\nEvidence:\n{finding.Evidence}"))));
        }
        foreach (var waived in report.Waived)
        {
            cases.Add(TestCase(waived.Finding.Rule, UniqueName(names, waived.Finding.Rule, waived.Finding.Object),
                new XElement("skipped", new XAttribute("message", $"waived: {waived.Waiver.Reason}"))));
        }
        var rulesWithResults = report.Findings.Select(f => f.Rule)
            .Concat(report.Waived.Select(w => w.Finding.Rule))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var rule in report.Rules.Where(rule => !rulesWithResults.Contains(rule.Id)))
            cases.Add(TestCase(rule.Id, UniqueName(names, rule.Id, rule.Title), failure: null));
        foreach (var waiver in report.UnmatchedWaivers)
        {
            cases.Add(TestCase("waivers", UniqueName(names, waiver.Rule, $"waiver {waiver.Object}"),
                new XElement("failure",
                    new XAttribute("message", $"Waiver {waiver.Rule} on {waiver.Object} matched no finding."),
                    new XAttribute("type", "unmatched waiver"))));
        }

        var failures = report.Findings.Count + report.UnmatchedWaivers.Count;
        var suite = new XElement("testsuite",
            new XAttribute("name", "tenantguard"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", report.Waived.Count),
            new XElement("properties", report.Facts.Select(fact =>
                new XElement("property", new XAttribute("name", fact.Key), new XAttribute("value", fact.Value)))),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites",
            new XAttribute("name", "tenantguard"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", report.Waived.Count),
            suite));

        // Written as text (not through a StringWriter, which would declare utf-16): the file on disk is UTF-8.
        return $"{document.Declaration}\n{document}";
    }

    private static XElement TestCase(string className, string name, XElement? failure) =>
        new("testcase", new XAttribute("classname", className), new XAttribute("name", name), failure);

    // Two findings of one rule on one object (e.g. TG1003 for SELECT and INSERT) must stay distinct test cases.
    private static string UniqueName(HashSet<string> names, string rule, string subject)
    {
        var name = $"{rule} {subject}";
        for (var n = 2; !names.Add(name); n++)
            name = $"{rule} {subject} #{n}";
        return name;
    }
}
