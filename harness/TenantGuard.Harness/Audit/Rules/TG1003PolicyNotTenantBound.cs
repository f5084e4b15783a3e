using TenantGuard.Harness.Audit.Policies;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>For each command the app role may run, combines the policies that apply to it and reports every branch
/// that does not tie the tenant column to the tenant: always true, unbound, or sharing (a warning to waive). One
/// finding per table, policy and kind of cause, listing every such branch and the commands. Setting switches are
/// TG1021's.</summary>
public sealed class TG1003PolicyNotTenantBound : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1003;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TenantTables.Where(t => t.RlsEnabled))
        {
            var verdicts = context.Policies.Analyze(table, context.PoliciesForApp(table)).ToList();
            // A partition without policies denies direct access, which is what a partition should do.
            var unprotected = verdicts.Where(v => v.NoPolicy && table.PartitionOf is null).ToList();
            if (unprotected.Count > 0)
                yield return NoPolicy(context, table, unprotected);

            var causes = verdicts
                .SelectMany(v => v.Causes.Where(c => c.Binding != TenantBinding.Switch).Select(c => (Verdict: v, Cause: c)))
                .GroupBy(x => (x.Cause.Binding, x.Cause.Policy.Name));
            foreach (var group in causes)
                yield return NotBound(context, table, group.Select(x => x.Verdict).Distinct().ToList(), group.Select(x => x.Cause).Distinct().ToList());
        }
    }

    private Finding NoPolicy(AuditContext context, TableInfo table, List<CommandVerdict> verdicts)
    {
        var commands = PolicyCommands.Describe(verdicts);
        var command = verdicts.Select(v => v.Command).Distinct().Count() == 1 ? verdicts[0].Command : "ALL";
        return Finding(
            table.QualifiedName,
            $"{commands} on {table.QualifiedName}: no policy applies to {context.AppRole}, so RLS refuses these commands for every tenant. " +
            "An application that still does them here must use a role that bypasses RLS; give the app role a tenant-bound policy, " +
            "or revoke the privilege if the command is not needed.",
            context.TenantPolicySql(table, command),
            table.QualifiedName,
            Severity.Warning) with { Evidence = $"Policies on the table: {string.Join(", ", context.Catalog.PoliciesOn(table).Select(p => $"{p.Name} ({p.Command} TO {string.Join(",", p.Roles)})").DefaultIfEmpty("none"))}" };
    }

    private Finding NotBound(AuditContext context, TableInfo table, List<CommandVerdict> verdicts, List<PolicyCause> causes)
    {
        var commands = PolicyCommands.Describe(verdicts);
        var policy = causes[0].Policy;
        var writes = verdicts[0].Aspect == "WITH CHECK";
        var reach = writes
            ? $"{context.AppRole} can write rows carrying any tenant's {context.TenantColumn}"
            : $"{context.AppRole} reaches other tenants' rows";
        var conditions = string.Join(" and ", causes.Select(c => $"{c.Condition} ({c.Reason})").Distinct());
        var (message, severity) = causes[0].Binding switch
        {
            TenantBinding.Open => ($"{commands} on {table.QualifiedName}: policy {policy.Name} {verdicts[0].Aspect} is always true ({string.Join(", ", causes.Select(c => c.Condition).Distinct())}), so {reach}.", Severity.Error),
            TenantBinding.Sharing => ($"{commands} on {table.QualifiedName}: policy {policy.Name} shares rows across tenants through {conditions}, so {reach}. " +
                                      "If this sharing is intended, record a waiver with the reason in tenantguard.json; otherwise bind it to the tenant.", Severity.Warning),
            _ => ($"{commands} on {table.QualifiedName}: policy {policy.Name} admits rows by {conditions}, which does not tie {context.TenantColumn} " +
                  $"to the tenant; permissive policies are ORed, so {reach}.", Severity.Error),
        };
        var command = policy.Command == PolicyCommand.All ? "ALL" : policy.Command.ToString().ToUpperInvariant();
        var fix = $"DROP POLICY {Sql.Ident(policy.Name)} ON {Sql.Table(table.Schema, table.Name)};\n{context.TenantPolicySql(table, command)}";
        return Finding(table.QualifiedName, message, fix, table.QualifiedName, severity)
            with { Evidence = $"{policy.Name} {verdicts[0].Aspect}: {(writes ? policy.WithCheck ?? policy.Using : policy.Using)}" };
    }
}
