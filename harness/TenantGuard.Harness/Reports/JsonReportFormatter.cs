using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TenantGuard.Harness.Reports;

/// <summary>Exactly one JSON document: {"findings":[…],"waived":[…],"unmatchedWaivers":[…],"facts":{…},"summary":{…}}.</summary>
public sealed class JsonReportFormatter : IReportFormatter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // SQL in fixes holds quotes and '<>' that must stay readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format(Report report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                WriteFinding(json, finding);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("waived");
            foreach (var waived in report.Waived)
            {
                json.WriteStartObject();
                WriteFinding(json, waived.Finding);
                json.WriteString("reason", waived.Waiver.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("unmatchedWaivers");
            foreach (var waiver in report.UnmatchedWaivers)
            {
                json.WriteStartObject();
                json.WriteString("rule", waiver.Rule);
                json.WriteString("object", waiver.Object);
                json.WriteString("reason", waiver.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("facts");
            foreach (var (key, value) in report.Facts)
                json.WriteString(key, value);
            json.WriteEndObject();

            json.WriteStartObject("summary");
            json.WriteNumber("findings", report.Findings.Count);
            json.WriteNumber("waived", report.Waived.Count);
            json.WriteNumber("unmatchedWaivers", report.UnmatchedWaivers.Count);
            json.WriteNumber("exitCode", report.ExitCode);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteString("rule", finding.Rule);
        json.WriteString("severity", finding.Severity.Name());
        json.WriteString("object", finding.Object);
        json.WriteString("message", finding.Message);
        json.WriteString("fix", finding.Fix);
        if (finding.Table is not null)
            json.WriteString("table", finding.Table);
        if (finding.Evidence is not null)
            json.WriteString("evidence", finding.Evidence);
        if (finding.Location is not null)
            json.WriteString("location", finding.Location);
        json.WriteString("help", RuleDocs.PathFor(finding.Rule));
    }
}
