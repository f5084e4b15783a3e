using System.Collections.Generic;

namespace TenantGuard.Sql
{
    /// <summary>What <see cref="TenantSqlChecker"/> found in one SQL text.</summary>
    public sealed class SqlCheckResult
    {
        internal SqlCheckResult(
            bool isFullyParsed,
            IReadOnlyList<TenantFilterViolation> violations,
            IReadOnlyList<QualifiedName> tenantTablesReferenced,
            IReadOnlyList<SessionScopedSetting> sessionScopedSettings)
        {
            IsFullyParsed = isFullyParsed;
            Violations = violations;
            TenantTablesReferenced = tenantTablesReferenced;
            SessionScopedSettings = sessionScopedSettings;
        }

        /// <summary>False when some statement was not understood (it then reports no violations).</summary>
        public bool IsFullyParsed { get; }

        public IReadOnlyList<TenantFilterViolation> Violations { get; }

        /// <summary>Distinct tenant tables the SQL names, in order of first appearance.</summary>
        public IReadOnlyList<QualifiedName> TenantTablesReferenced { get; }

        public IReadOnlyList<SessionScopedSetting> SessionScopedSettings { get; }
    }
}
