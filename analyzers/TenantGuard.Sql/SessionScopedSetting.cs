namespace TenantGuard.Sql
{
    /// <summary>A custom setting set in a way that leaks across pooled connections or fails at run time.</summary>
    public sealed class SessionScopedSetting
    {
        internal SessionScopedSetting(
            SessionSettingKind kind, string settingName, int start, int length, string statementText, string? suggestedSql)
        {
            Kind = kind;
            SettingName = settingName;
            Start = start;
            Length = length;
            StatementText = statementText;
            SuggestedSql = suggestedSql;
        }

        public SessionSettingKind Kind { get; }

        public string SettingName { get; }

        public int Start { get; }

        public int Length { get; }

        public string StatementText { get; }

        /// <summary>A transaction-scoped replacement, e.g. "SELECT set_config('app.current_tenant', $1, true)".</summary>
        public string? SuggestedSql { get; }
    }
}
