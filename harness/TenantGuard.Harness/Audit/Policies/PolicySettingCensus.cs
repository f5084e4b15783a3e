namespace TenantGuard.Harness.Audit.Policies;

/// <summary>
/// Finds which settings policies use as the tenant, as a switch, or as the caller's identity. The one place that
/// decides the tenant setting, for the template build (TenantSettingDetector) and the audit (AuditContext) alike.
/// </summary>
internal static class PolicySettingCensus
{
    /// <param name="policies">Each policy's USING and WITH CHECK, as pg_get_expr prints them.</param>
    public static PolicySettings Take(IEnumerable<(string? Using, string? WithCheck)> policies, string tenantColumn, PolicyFunctions functions)
    {
        var analyzer = new TenantPredicateAnalyzer(tenantColumn, functions);
        var tenant = new Dictionary<string, int>(StringComparer.Ordinal);
        var switches = new Dictionary<string, int>(StringComparer.Ordinal);
        var identity = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new SortedSet<string>(StringComparer.Ordinal);
        var memberships = new HashSet<(string Table, string CallerColumn)>();
        var literals = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (@using, withCheck) in policies)
        {
            var uses = new[] { @using, withCheck }.OfType<string>().Select(e => analyzer.Analyze(e).Settings).ToList();
            Count(tenant, uses.SelectMany(u => u.Tenant));
            Count(switches, uses.SelectMany(u => u.Switch));
            Count(identity, uses.SelectMany(u => u.Identity));
            read.UnionWith(uses.SelectMany(u => u.Read));
            memberships.UnionWith(uses.SelectMany(u => u.Memberships));
            literals.UnionWith(uses.SelectMany(u => u.TenantLiterals));
        }
        return new PolicySettings(tenant, switches, identity, read, memberships, literals);
    }

    private static void Count(Dictionary<string, int> counts, IEnumerable<string> settings)
    {
        foreach (var setting in settings.Distinct(StringComparer.Ordinal))
            counts[setting] = counts.GetValueOrDefault(setting) + 1;
    }
}
