namespace TenantGuard.Sql
{
    public enum ViolationKind
    {
        /// <summary>A tenant table is read or changed without `tenant_col = value` constraining it.</summary>
        MissingTenantFilter,

        /// <summary>An INSERT into a tenant table names columns but not the tenant column.</summary>
        InsertWithoutTenantColumn,
    }
}
