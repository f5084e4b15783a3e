namespace TenantGuard.Sql
{
    public enum SessionSettingKind
    {
        /// <summary>`SET app.x = …` / `SET SESSION app.x …`: outlives the transaction on a pooled connection.</summary>
        SessionScopedSet,

        /// <summary>`set_config('app.x', v, false)`: session scope again.</summary>
        SetConfigNotLocal,

        /// <summary>`SET LOCAL app.x = $1`: SET takes no parameters, so it fails at run time.</summary>
        SetLocalWithPlaceholder,
    }
}
