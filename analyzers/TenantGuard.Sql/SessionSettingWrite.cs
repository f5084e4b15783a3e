namespace TenantGuard.Sql
{
    /// <summary>A custom setting a function body sets for the whole session.</summary>
    public sealed class SessionSettingWrite
    {
        internal SessionSettingWrite(string setting, string how)
        {
            Setting = setting;
            How = how;
        }

        /// <summary>The setting's name, as written in the literal or the SET.</summary>
        public string Setting { get; }

        /// <summary>The statement or call that sets it, as written.</summary>
        public string How { get; }

        public override string ToString() => How;
    }
}
