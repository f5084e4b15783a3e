namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>How SQL reaches the database; the TG0002 code fix adds the tenant parameter differently for each.</summary>
    internal enum SinkKind
    {
        CommandConstructor,
        CommandTextAssignment,
        DataSourceCreateCommand,
        Dapper,
        DapperCommandDefinition,
        EfCoreRaw,
        EfCoreInterpolated,

        /// <summary>A method named in tenantguard.sql_sinks: its SQL is checked, no fix is offered.</summary>
        Configured,
    }
}
