using TenantGuard.Harness.Audit.Policies;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Audit.Rules;

/// <summary>A policy branch opened by a session setting compared with a constant
/// (<c>current_setting('app.bypass_rls', true) = 'on'</c>): custom settings can be SET by every role, so every session
/// can open the table. One finding per table, policy and switch, listing the commands.</summary>
public sealed class TG1021PolicySettingSwitch : CatalogRule
{
    public override RuleDescriptor Descriptor => AuditRules.TG1021;

    protected override IEnumerable<Finding> Evaluate(AuditContext context)
    {
        foreach (var table in context.TenantTables.Where(t => t.RlsEnabled))
        {
            var switches = context.Policies.Analyze(table, context.PoliciesForApp(table))
                .SelectMany(v => v.Causes.Where(c => c.Binding == TenantBinding.Switch).Select(c => (Verdict: v, Cause: c)))
                .GroupBy(x => (x.Cause.Policy.Name, x.Cause.Condition));
            foreach (var group in switches)
                yield return Switch(context, table, group.Select(x => x.Verdict).Distinct().ToList(), group.First().Cause);
        }
    }

    private Finding Switch(AuditContext context, TableInfo table, List<CommandVerdict> verdicts, PolicyCause cause)
    {
        var policy = cause.Policy;
        var command = policy.Command == PolicyCommand.All ? "ALL" : policy.Command.ToString().ToUpperInvariant();
        var message =
            $"{PolicyCommands.Describe(verdicts)} on {table.QualifiedName}: policy {policy.Name} admits rows by {cause.Condition}, which {cause.Reason}. " +
            $"Any role can SET a custom setting (SET app.x = 'on', or set_config), so {context.AppRole} — and any request that can run SQL as it — " +
            "can open every tenant's rows. Drop the switch; maintenance that must see every tenant belongs to a separate role with BYPASSRLS.";
        var fix = $"DROP POLICY {Sql.Ident(policy.Name)} ON {Sql.Table(table.Schema, table.Name)};\n{context.TenantPolicySql(table, command)}";
        return Finding(table.QualifiedName, message, fix, table.QualifiedName)
            with { Evidence = $"{policy.Name}: USING {policy.Using ?? "(none)"}{(policy.WithCheck is { } check ? $" WITH CHECK {check}" : "")}" };
    }
}
