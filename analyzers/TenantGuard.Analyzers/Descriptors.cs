using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers
{
    /// <summary>All diagnostic descriptors in one place; each links to its page under docs/rules/.</summary>
    public static class Descriptors
    {
        public const string HelpLinkBase = "https://github.com/tenantguard/tenantguard/blob/main/docs/rules/";
        private const string Security = "Security";
        private const string Configuration = "Configuration";

        /// <summary>Ends the first TG0001 and TG0002 of a compilation that has no schema.</summary>
        internal const string NoSchemaHint =
            " (no schema is declared, so every table is treated as tenant-owned: add your migrations as " +
            "<AdditionalFiles Include=\"db/migrations/*.sql\" /> or set tenantguard.tenant_tables)";

        public static readonly DiagnosticDescriptor TG0001 = new DiagnosticDescriptor(
            DiagnosticIds.DataAccessMethodWithoutTenantScope,
            title: "Data-access method without tenant scope",
            messageFormat: "'{0}' touches tenant-owned table '{1}' but {2}{3}",
            category: Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A public or internal method of a repository, store, DAO or query type that reads or writes a tenant-owned table must receive the tenant explicitly or through an ambient tenant accessor, and use it. A tenant kept in a plain field leaks between requests; a tenant parameter nothing reads scopes nothing.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.DataAccessMethodWithoutTenantScope + ".md");

        public static readonly DiagnosticDescriptor TG0002 = new DiagnosticDescriptor(
            DiagnosticIds.QueryWithoutTenantFilter,
            title: "Query on a tenant-owned table without a tenant filter",
            messageFormat: "Tenant-owned table '{0}' in {1} {2}: {3}{4}",
            category: Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Every reference to a tenant-owned table in SELECT, UPDATE and DELETE must be constrained by tenant_col = <parameter> in a top-level AND conjunct; INSERT must supply the tenant column.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.QueryWithoutTenantFilter + ".md");

        public static readonly DiagnosticDescriptor TG0003 = new DiagnosticDescriptor(
            DiagnosticIds.HardCodedDefaultTenant,
            title: "Hard-coded default tenant",
            messageFormat: "{0} hard-codes a tenant value ({1}): resolve the tenant from the request or the job's input instead",
            category: Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A literal tenant (a default, a fallback, a GUID passed as the tenant) silently puts data into, or reads it from, one tenant for every caller.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.HardCodedDefaultTenant + ".md");

        public static readonly DiagnosticDescriptor TG0004 = new DiagnosticDescriptor(
            DiagnosticIds.SessionScopedTenantSetting,
            title: "Tenant context set at session scope",
            messageFormat: "Setting '{0}': {1}",
            category: Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A setting made with SET or set_config(..., false) outlives the request on a pooled connection and the next request runs as the previous tenant. SET LOCAL takes no parameters. Use SELECT set_config(name, value, true) inside a transaction.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.SessionScopedTenantSetting + ".md");

        public static readonly DiagnosticDescriptor TG0005 = new DiagnosticDescriptor(
            DiagnosticIds.QueryFilterIgnoredOnTenantEntity,
            title: "Tenant query filter switched off",
            messageFormat: "{0} switches off the tenant filter of '{1}' ({2}) and the query does not filter by {3} again",
            category: Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "IgnoreQueryFilters() drops every query filter of the entity, the tenant filter included: the query reads or changes all tenants' rows. Re-apply the tenant predicate, name only the other filters (EF Core 10), or mark deliberate cross-tenant code with [CrossTenant(\"why\")].",
            helpLinkUri: HelpLinkBase + DiagnosticIds.QueryFilterIgnoredOnTenantEntity + ".md");

        public static readonly DiagnosticDescriptor TG0006 = new DiagnosticDescriptor(
            DiagnosticIds.QueryOnUnfilteredTenantEntity,
            title: "Query on a tenant-owned entity that nothing filters by tenant",
            messageFormat: "Query on tenant-owned entity '{0}' through {1}: {2} has no tenant query filter for it and the query does not filter by {3}",
            category: Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A LINQ query over a tenant-owned entity returns every tenant's rows unless its DbContext has a tenant query filter for the entity or the query filters by the tenant property itself.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.QueryOnUnfilteredTenantEntity + ".md");

        public static readonly DiagnosticDescriptor TG0900 = new DiagnosticDescriptor(
            DiagnosticIds.NoSchemaDeclared,
            title: "No tenant schema declared",
            messageFormat: "TenantGuard has no schema: no *.sql AdditionalFiles and no tenantguard.tenant_tables, so every table not listed in tenantguard.global_tables is treated as tenant-owned. Add your migrations as <AdditionalFiles Include=\"db/migrations/*.sql\" /> or set tenantguard.tenant_tables in .editorconfig.",
            category: Configuration,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + DiagnosticIds.NoSchemaDeclared + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor TG0901 = new DiagnosticDescriptor(
            DiagnosticIds.UnreadableMigrationFile,
            title: "Migration file could not be read",
            messageFormat: "{0}({1},{2}): {3} TenantGuard ignores the tables declared in this file until it is fixed",
            category: Configuration,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + DiagnosticIds.UnreadableMigrationFile + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor TG0902 = new DiagnosticDescriptor(
            DiagnosticIds.InvalidConfigurationValue,
            title: "Invalid TenantGuard configuration value",
            messageFormat: "'{0} = {1}' is not valid: {2}; the default is used instead",
            category: Configuration,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + DiagnosticIds.InvalidConfigurationValue + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor TG0903 = new DiagnosticDescriptor(
            DiagnosticIds.TenantColumnMatchesNoTable,
            title: "The tenant column matches no table in the migrations",
            messageFormat: "No table in the {0} migration file(s) has the tenant column {1}, so no table is tenant-owned and TG0001, TG0002 and TG0006 stay silent; set tenantguard.tenant_column to the column your tables use (double-quoted for a case-sensitive name such as \"TenantId\")",
            category: Configuration,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A tenant column that no migration declares turns the schema-aware rules off without a word: usually a typo, or EF Core's PascalCase naming given unquoted.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.TenantColumnMatchesNoTable + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);
    }
}
