namespace TenantGuard.Analyzers
{
    /// <summary>Every diagnostic ID TenantGuard reports at build time. IDs are never reused: users suppress and configure them by ID.</summary>
    public static class DiagnosticIds
    {
        public const string DataAccessMethodWithoutTenantScope = "TG0001";
        public const string QueryWithoutTenantFilter = "TG0002";
        public const string HardCodedDefaultTenant = "TG0003";
        public const string SessionScopedTenantSetting = "TG0004";
        public const string QueryFilterIgnoredOnTenantEntity = "TG0005";
        public const string QueryOnUnfilteredTenantEntity = "TG0006";

        public const string NoSchemaDeclared = "TG0900";
        public const string UnreadableMigrationFile = "TG0901";
        public const string InvalidConfigurationValue = "TG0902";
        public const string TenantColumnMatchesNoTable = "TG0903";
    }
}
