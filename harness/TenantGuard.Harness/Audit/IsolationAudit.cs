using System.Diagnostics;
using System.Globalization;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Audit;

/// <summary>The database isolation audit: reads the catalog once, runs every TG1xxx rule, applies waivers.</summary>
public static class IsolationAudit
{
    public static Task<Report> RunAsync(TenantDatabase database, AuditOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(AuditTarget.From(database), options, cancellationToken);

    public static async Task<Report> RunAsync(AuditTarget target, AuditOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AuditOptions();
        var clock = Stopwatch.StartNew();

        options.Progress?.Report("Reading the catalog…");
        var catalog = await CatalogReader.ReadAsync(target.AdminConnectionString, target.AppRole, cancellationToken);
        var context = new AuditContext(catalog, target, options);
        AuditPreconditions.Check(context);

        var rules = RuleRegistry.All
            .Where(rule => options.Rules.Count == 0 || options.Rules.Contains(rule.Descriptor.Id, StringComparer.OrdinalIgnoreCase))
            .ToList();
        options.Progress?.Report($"Checking {context.TenantTables.Count} tenant table(s) against {rules.Count} rules…");

        var findings = new List<Finding>();
        foreach (var rule in rules)
            findings.AddRange(await rule.EvaluateAsync(context, cancellationToken));
        findings = findings
            .OrderBy(f => f.Table ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Object, StringComparer.Ordinal)
            .ToList();

        var (active, waived, unmatched) = WaiverMatcher.Apply(findings, options.Waivers.Where(w => !w.IsForAttackRule).ToList());
        return new Report(active, waived, unmatched, Facts(context, options, clock.Elapsed), rules.Select(r => r.Descriptor).ToList());
    }

    private static Dictionary<string, string> Facts(AuditContext context, AuditOptions options, TimeSpan elapsed)
    {
        var facts = new Dictionary<string, string>(options.Facts)
        {
            ["appRole"] = context.Target.AppRoleOrigin is { Length: > 0 } origin ? origin : context.AppRole,
            ["tenantColumn"] = context.TenantColumn,
            ["tenantSetting"] = context.TenantSetting ?? "(none found)",
            ["tenantTables"] = context.TenantTables.Count.ToString(CultureInfo.InvariantCulture),
            ["auditMs"] = ((int)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        };
        return facts;
    }
}
