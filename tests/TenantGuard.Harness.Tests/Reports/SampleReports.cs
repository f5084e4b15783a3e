using TenantGuard.Harness.Audit;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Tests.Reports;

internal static class SampleReports
{
    public static readonly Finding NoRls = new("TG1001", Severity.Error, "public.notes", "RLS is disabled on public.notes.",
        "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;") { Table = "public.notes" };

    public static readonly Finding OpenSelect = new("TG1003", Severity.Error, "public.docs", "SELECT on public.docs: policy docs_all is always true.",
        "DROP POLICY docs_all ON public.docs;\nCREATE POLICY docs_tenant ON public.docs USING (tenant_id = current_setting('app.tenant_id')::uuid);")
    {
        Table = "public.docs",
        Evidence = "docs_all USING: true",
    };

    public static readonly Finding OpenInsert = OpenSelect with { Message = "INSERT on public.docs: policy docs_all is always true." };

    public static readonly Finding Bypass = new("TG1004", Severity.Error, "app_user", "app_user has BYPASSRLS.", "ALTER ROLE app_user NOBYPASSRLS;");

    public static readonly Finding Shared = new("TG1003", Severity.Warning, "public.agents", "SELECT on public.agents shares rows.", "-- bind it")
    {
        Table = "public.agents",
    };

    public static readonly Waiver SharingWaiver = new("TG1003", "public.agents", "Global agents are shared on purpose.");

    public static readonly Waiver StaleWaiver = new("TG1011", "public.gone", "Old table.");

    public static Report WithEverything() => new(
        [NoRls, OpenSelect, OpenInsert, Bypass],
        [new WaivedFinding(Shared, SharingWaiver)],
        [StaleWaiver],
        new Dictionary<string, string> { ["appRole"] = "app_user", ["tenantColumn"] = "tenant_id" },
        AuditRules.All);

    public static Report Clean() => new([], rules: AuditRules.All);
}
