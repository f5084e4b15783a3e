using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class TextReportFormatterTests
{
    [Fact]
    public void Findings_are_grouped_by_table_with_their_fixes()
    {
        var text = new TextReportFormatter(colour: false).Format(SampleReports.WithEverything());

        var database = text.IndexOf("(database-wide)", StringComparison.Ordinal);
        var docs = text.IndexOf("public.docs\n", StringComparison.Ordinal);
        var notes = text.IndexOf("public.notes\n", StringComparison.Ordinal);
        Assert.True(database >= 0 && database < docs && docs < notes, text);
        Assert.Contains("fix: ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;", text);
        // An absolute link: the report is read in the user's repository, where docs/rules does not exist.
        Assert.Contains("see https://github.com/tenantguard/tenantguard/blob/main/docs/rules/TG1001.md (offline: tenantguard explain TG1001)", text);
        Assert.Contains("Global agents are shared on purpose.", text);
        Assert.Contains("Waivers that matched nothing", text);
        Assert.Contains("4 finding(s): 4 error(s)", text);
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void Colour_is_only_written_when_asked_for()
    {
        var text = new TextReportFormatter(colour: true).Format(SampleReports.WithEverything());

        Assert.Contains("\u001b[31m", text);
    }

    [Fact]
    public void A_clean_report_says_so()
    {
        Assert.Contains("No findings", new TextReportFormatter(false).Format(SampleReports.Clean()));
    }

    [Fact]
    public void Attacks_that_prove_a_missing_policy_point_at_its_fix_instead_of_repeating_it()
    {
        var noRls = SampleReports.NoRls;
        var read = new Finding("TG2001", Severity.Error, "public.notes", "Tenant A read 1 row(s) of other tenants in public.notes by key.",
            noRls.Fix + "\n-- and connect as a role that is neither superuser nor BYPASSRLS.") { Table = "public.notes", Evidence = "BEGIN;\nROLLBACK;\n" };
        var update = read with { Rule = "TG2002", Message = "Tenant A updated 1 of tenant B's row(s) in public.notes." };

        var text = new TextReportFormatter(colour: false).Format(new Report([update, noRls, read], rules: AuditRules.All));

        Assert.Equal(1, Occurrences(text, "ENABLE ROW LEVEL SECURITY"));
        Assert.Equal(2, Occurrences(text, "fix: the fix of TG1001 above; and connect as a role that is neither superuser nor BYPASSRLS."));
        Assert.True(text.IndexOf("TG1001", StringComparison.Ordinal) < text.IndexOf("TG2001", StringComparison.Ordinal), text);
        Assert.DoesNotContain("ROLLBACK;\n\n", text);
    }

    [Fact]
    public void Prose_is_wrapped_to_the_width_with_a_hanging_indent_and_sql_is_left_whole()
    {
        var longPolicy = "CREATE POLICY docs_tenant ON public.docs USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);";
        var finding = new Finding("TG1003", Severity.Error, "public.docs",
            "SELECT on public.docs: policy docs_all is always true, so every tenant reads every other tenant's documents through it.", longPolicy)
        { Table = "public.docs" };

        var lines = new TextReportFormatter(colour: false, width: 60).Format(new Report([finding], rules: AuditRules.All)).Split('\n');

        var message = lines.SkipWhile(l => !l.Contains("SELECT on public.docs", StringComparison.Ordinal)).TakeWhile(l => !l.Contains("fix:", StringComparison.Ordinal)).ToList();
        Assert.True(message.Count > 1, string.Join('\n', lines));
        Assert.All(message, l => Assert.True(l.Length <= 60, l));
        Assert.All(message.Skip(1), l => Assert.StartsWith("        ", l));
        Assert.Contains(lines, l => l.EndsWith(longPolicy, StringComparison.Ordinal));
    }

    [Fact]
    public void Long_lists_of_values_in_the_facts_are_shortened_and_sentences_are_not()
    {
        var tenants = string.Join(", ", Enumerable.Range(0, 40).Select(i => $"{i:00000000}-0000-0000-0000-000000000000"));
        var note = "function public.search(text, integer, boolean, date, uuid, jsonb): no value for its argument types; not attacked";
        var report = new Report([], facts: new Dictionary<string, string> { ["syntheticTenants"] = tenants, ["note1"] = note }, rules: AuditRules.All);

        var text = new TextReportFormatter(colour: false).Format(report);

        Assert.Contains("syntheticTenants: 00000000-0000-0000-0000-000000000000, 00000001-0000-0000-0000-000000000000, 00000002-0000-0000-0000-000000000000, … (40 in all; --format json lists every one)", text);
        Assert.DoesNotContain("00000039-", text);
        Assert.Contains(note, text);
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;
}
