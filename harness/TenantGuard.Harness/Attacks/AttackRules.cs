using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Attacks;

/// <summary>The IDs and descriptions of every attack rule, in one place. IDs are never reused.</summary>
public static class AttackRules
{
    public const string TableNotSeeded = "TG2000";
    public const string CrossTenantRead = "TG2001";
    public const string CrossTenantUpdate = "TG2002";
    public const string CrossTenantDelete = "TG2003";
    public const string InsertIntoOtherTenant = "TG2004";
    public const string RowMovedToOtherTenant = "TG2005";
    public const string RowsVisibleWithoutTenant = "TG2006";
    public const string ContextLeakedAcrossConnections = "TG2007";
    public const string LeakUnderConcurrency = "TG2008";
    public const string IsolationNotProven = "TG2009";

    public static readonly IReadOnlyList<RuleDescriptor> Database =
    [
        new(TableNotSeeded, "Table could not be seeded, so it was not attacked", Severity.Warning,
            "The seeder could not create rows for two tenants in this table; no attack ran against it. Add a seed SQL file (--seed-sql)."),
        new(CrossTenantRead, "Cross-tenant read", Severity.Error,
            "With tenant A's context, the application role read tenant B's rows (by key, by scan, through a join, a view or a function)."),
        new(CrossTenantUpdate, "Cross-tenant update", Severity.Error,
            "With tenant A's context, the application role updated tenant B's rows."),
        new(CrossTenantDelete, "Cross-tenant delete", Severity.Error,
            "With tenant A's context, the application role deleted tenant B's rows."),
        new(InsertIntoOtherTenant, "Insert into another tenant", Severity.Error,
            "With tenant A's context, the application role inserted a row carrying tenant B's id."),
        new(RowMovedToOtherTenant, "Row moved to another tenant", Severity.Error,
            "With tenant A's context, the application role changed the tenant of its own row to tenant B."),
        new(RowsVisibleWithoutTenant, "Rows visible without tenant context", Severity.Error,
            "With no tenant, an empty tenant or a malformed tenant value, the application role still read tenant rows."),
        new(ContextLeakedAcrossConnections, "Tenant context leaked across pooled connections or transactions", Severity.Error,
            "A tenant set by one borrower of a pooled connection (or one transaction) was still in effect for the next."),
        new(LeakUnderConcurrency, "Leak under concurrency", Severity.Error,
            "Workers running in parallel on one pool saw rows of a tenant other than their own."),
        new(IsolationNotProven, "Isolation not proven: the tenant cannot reach its own rows", Severity.Warning,
            "With tenant A's context the application role could not read or change A's own rows through the path an attack used, so the refused attack proves nothing about isolation."),
    ];
}
