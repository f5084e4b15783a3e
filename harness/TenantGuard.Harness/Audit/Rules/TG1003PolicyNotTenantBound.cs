using TenantGuard.Harness.Audit.Policies;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>For each command the app role may run, combines the policies that apply to it and reports when the
/// result does not tie the tenant column to the tenant setting. One finding per table and cause, listing the commands.</summary>
public sealed class TG1003PolicyNotTenantBound : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1003;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TenantTables.Where(t => t.RlsEnabled))
        {
            var policies = context.PoliciesForApp(table);
            var problems = context.Policies.Analyze(table, policies)
                .Where(v => v.NoPolicy || v.Binding != TenantBinding.Bound)
                // A partition without policies denies direct access, which is what a partition should do.
                .Where(v => !(v.NoPolicy && table.PartitionOf is not null))
                .GroupBy(v => (v.NoPolicy, v.Binding, v.CulpritPolicy, v.Culprit));

            foreach (var group in problems)
            {
                var verdicts = group.ToList();
                var commands = string.Join(", ", verdicts.Select(v => v.Aspect == "WITH CHECK" && v.Command == "UPDATE" ? "UPDATE (WITH CHECK)" : v.Command).Distinct());
                var policy = policies.FirstOrDefault(p => p.Name == group.Key.CulpritPolicy);
                yield return group.Key.NoPolicy
                    ? NoPolicy(context, table, verdicts, commands)
                    : Unbound(context, table, verdicts[0], policy!, commands);
            }
        }
    }

    private Finding NoPolicy(AuditContext context, TableInfo table, List<CommandVerdict> verdicts, string commands)
    {
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

    private Finding Unbound(AuditContext context, TableInfo table, CommandVerdict verdict, PolicyInfo policy, string commands)
    {
        var writes = verdict.Aspect == "WITH CHECK";
        var reach = writes
            ? $"{context.AppRole} can write rows carrying any tenant's {context.TenantColumn}"
            : $"{context.AppRole} reaches other tenants' rows";
        var (message, severity) = verdict.Binding switch
        {
            TenantBinding.Open => ($"{commands} on {table.QualifiedName}: policy {policy.Name} {verdict.Aspect} is always true ({verdict.Culprit}), so {reach}.", Severity.Error),
            TenantBinding.Sharing => ($"{commands} on {table.QualifiedName}: policy {policy.Name} shares rows across tenants through {verdict.Culprit}, so {reach}. " +
                                      "If this sharing is intended, record a waiver with the reason in tenantguard.json; otherwise bind it to the tenant.", Severity.Warning),
            _ => ($"{commands} on {table.QualifiedName}: policy {policy.Name} admits rows by {verdict.Culprit}, which does not tie {context.TenantColumn} " +
                  $"to the tenant setting; permissive policies are ORed, so {reach}.", Severity.Error),
        };
        var command = policy.Command == PolicyCommand.All ? "ALL" : policy.Command.ToString().ToUpperInvariant();
        var fix = $"DROP POLICY {Sql.Ident(policy.Name)} ON {Sql.Table(table.Schema, table.Name)};\n{context.TenantPolicySql(table, command)}";
        return Finding(table.QualifiedName, message, fix, table.QualifiedName, severity)
            with { Evidence = $"{policy.Name} {verdict.Aspect}: {(writes ? policy.WithCheck ?? policy.Using : policy.Using)}" };
    }
}
