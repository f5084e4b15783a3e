namespace TenantGuard.Analyzers.Schema
{
    /// <summary>An .editorconfig value TenantGuard could not use (reported as TG0902).</summary>
    internal sealed class ConfigurationProblem
    {
        public ConfigurationProblem(string key, string value, string reason)
        {
            Key = key;
            Value = value;
            Reason = reason;
        }

        public string Key { get; }
        public string Value { get; }
        public string Reason { get; }

        public string Identity => Key + "\u0001" + Value;
    }
}
