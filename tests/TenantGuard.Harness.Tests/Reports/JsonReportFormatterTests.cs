using System.Text.Json;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class JsonReportFormatterTests
{
    [Fact]
    public void The_document_holds_findings_waived_and_unmatched_waivers()
    {
        using var json = JsonDocument.Parse(new JsonReportFormatter().Format(SampleReports.WithEverything()));
        var root = json.RootElement;

        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(4, findings.Count);
        var first = findings[0];
        Assert.Equal("TG1001", first.GetProperty("rule").GetString());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("public.notes", first.GetProperty("object").GetString());
        Assert.Equal("RLS is disabled on public.notes.", first.GetProperty("message").GetString());
        Assert.Equal("ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;", first.GetProperty("fix").GetString());

        var waived = Assert.Single(root.GetProperty("waived").EnumerateArray());
        Assert.Equal("Global agents are shared on purpose.", waived.GetProperty("reason").GetString());
        var stale = Assert.Single(root.GetProperty("unmatchedWaivers").EnumerateArray());
        Assert.Equal("public.gone", stale.GetProperty("object").GetString());
        Assert.Equal("app_user", root.GetProperty("facts").GetProperty("appRole").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Sql_quotes_and_operators_stay_readable()
    {
        var text = new JsonReportFormatter().Format(SampleReports.WithEverything());

        Assert.Contains("current_setting('app.tenant_id')::uuid", text);
    }
}
