using TenantGuard.Harness.Audit.Rules;

namespace TenantGuard.Harness.Audit;

/// <summary>Every audit rule, in ID order. A new rule is one file in Rules/, one descriptor in AuditRules, one line here.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<IAuditRule> All { get; } =
    [
        new TG1001RlsNotEnabled(),
        new TG1002RlsNotForced(),
        new TG1003PolicyNotTenantBound(),
        new TG1004AppRoleBypassesRls(),
        new TG1005AppRoleOwnsTenantTable(),
        new TG1006NullableTenantColumn(),
        new TG1007NoTenantIndex(),
        new TG1008PolicyNotIndexFriendly(),
        new TG1009ViewBypassesRls(),
        new TG1010SecurityDefinerFunction(),
        new TG1011TruncateGranted(),
        new TG1012MaterializedViewReadable(),
        new TG1013ForeignKeyWithoutTenant(),
        new TG1014UniqueWithoutTenant(),
        new TG1015ChildTableWithoutRls(),
        new TG1016LeakproofFunction(),
        new TG1017TenantSettingFallback(),
        new TG1018PartitionWithoutRls(),
        new TG1019DefinerWithoutSearchPath(),
        new TG1020AppRoleCanEscalate(),
        new TG1021PolicySettingSwitch(),
        new TG1022SessionTenantSetter(),
    ];
}
